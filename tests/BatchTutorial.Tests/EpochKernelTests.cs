using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MathNet.Numerics.LinearAlgebra;

namespace BatchTutorial.Tests;

public class EpochKernelTests
{
    // 203 rows: not a multiple of 4, so every kernel also runs its one-row remainder path.
    private const int Rows = 203;

    // Widths that reach every kernel: d < 4 (portable), one to four chunks with and without a partial last chunk
    // (small kernels), and wide rows.
    public static TheoryData<int, int> WidthsAndBatchSizes()
    {
        var data = new TheoryData<int, int>();
        foreach (int d in new[] { 1, 3, 4, 5, 8, 9, 10, 12, 13, 16, 17, 23, 64, 100 })
        {
            foreach (int batchSize in new[] { 1, 2, 5, 32, Rows })
            {
                data.Add(d, batchSize);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WidthsAndBatchSizes))]
    public void Trainer_matches_textbook_for_every_width(int d, int batchSize)
    {
        Dataset data = Datasets.Dummy(Rows, d, seed: d);
        LogisticRegression start = Start(d);

        TrainingHistory fast = Trainer.Train(data, new TrainerOptions { BatchSize = batchSize, Epochs = 1, LearningRate = 0.05 }, initial: start);
        (Vector<double> w, double b) = Textbook.Epoch(Textbook.ToMatrix(data), Textbook.LabelVector(data), Vector<double>.Build.DenseOfArray(start.Weights), start.Bias, 0.05, batchSize);

        AssertRelativelyClose(w.ToArray(), b, fast.Model.Weights, fast.Model.Bias, 1e-12);
    }

    [Theory]
    [MemberData(nameof(WidthsAndBatchSizes))]
    public void Vector_and_portable_kernels_agree(int d, int batchSize)
    {
        Dataset data = Datasets.Dummy(Rows, d, seed: 100 + d);
        int[] order = BatchPlan.Create(Rows, batchSize, shuffle: true, seed: 4).EpochOrders(1)[0];
        double[] vectorW = Start(d).Weights;
        double[] portableW = Start(d).Weights;
        double vectorB = 0.2, portableB = 0.2;

        new EpochKernel(d).RunBatches(data.XMemory, data.YMemory, order, batchSize, BatchPlan.CountBatches(Rows, batchSize), Rows, vectorW, ref vectorB, 0.1, null, null);
        new EpochKernel(d, vectorized: false).RunBatches(data.XMemory, data.YMemory, order, batchSize, BatchPlan.CountBatches(Rows, batchSize), Rows, portableW, ref portableB, 0.1, null, null);

        AssertRelativelyClose(portableW, portableB, vectorW, vectorB, 1e-12);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(10, 1)]
    [InlineData(10, 7)]
    [InlineData(30, 1)]
    [InlineData(30, 16)]
    public void Recording_leaves_the_weights_unchanged(int d, int batchSize)
    {
        // The same kernel runs with and without observers, so recording must not change a single bit.
        Dataset data = Datasets.Dummy(Rows, d, seed: 7);
        var bare = new TrainerOptions { BatchSize = batchSize, Epochs = 2, Shuffle = true, Seed = 3, RecordUpdates = false, RecordEpochMetrics = false };
        var recorded = bare with { RecordUpdates = true, RecordTrajectory = true, OnUpdate = _ => { } };

        TrainingHistory first = Trainer.Train(data, bare);
        TrainingHistory second = Trainer.Train(data, recorded);

        Assert.Equal(first.Model.Weights, second.Model.Weights);
        Assert.Equal(first.Model.Bias, second.Model.Bias);
        Assert.Equal(second.Model.Weights, second.Trajectory[^1].Weights);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(Rows)]
    public void Batch_losses_match_the_model_before_each_update(int batchSize)
    {
        // Online learning: the loss of update k is the loss of row k under the weights after update k − 1.
        Dataset data = Datasets.Dummy(Rows, 10, seed: 12);
        var options = new TrainerOptions { BatchSize = batchSize, Epochs = 1, RecordTrajectory = true };

        TrainingHistory history = Trainer.Train(data, options);

        for (int k = 0; k < history.Updates.Count; k++)
        {
            ParameterSnapshot before = history.Trajectory[k];
            var model = new LogisticRegression(before.Weights, before.Bias);
            int start = k * batchSize;
            int[] rows = Enumerable.Range(start, Math.Min(batchSize, Rows - start)).ToArray();
            double expected = model.Gradient(data, rows, new double[10], out _);
            Assert.Equal(expected, history.Updates[k].BatchLoss, 1e-12);
        }
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(8, 10)]
    [InlineData(64, 10)]
    [InlineData(1, 30)]
    [InlineData(8, 30)]
    public void Huge_logits_stay_finite(int batchSize, int d)
    {
        // |z| reaches about 3000 (d = 10) or 9000 (d = 30): σ(z) rounds to 0 or 1, and e^(−|z|) underflows to 0,
        // without NaN or overflow, in the small and the wide kernels.
        var x = new double[64 * d];
        var y = new double[64];
        for (int i = 0; i < 64; i++)
        {
            for (int j = 0; j < d; j++)
            {
                x[i * d + j] = (i % 2 == 0 ? 300.0 : -300.0) + j;
            }

            y[i] = i % 3 == 0 ? 1 : 0;
        }

        var data = new Dataset(x, y, d);
        var start = new LogisticRegression(Enumerable.Repeat(1.0, d).ToArray(), 0);

        TrainingHistory fast = Trainer.Train(data, new TrainerOptions { BatchSize = batchSize, Epochs = 1, LearningRate = 0.01 }, initial: start);
        (Vector<double> w, double b) = Textbook.Epoch(Textbook.ToMatrix(data), Textbook.LabelVector(data), Vector<double>.Build.DenseOfArray(start.Weights), 0, 0.01, batchSize);

        Assert.All(fast.Model.Weights, v => Assert.True(double.IsFinite(v)));
        AssertRelativelyClose(w.ToArray(), b, fast.Model.Weights, fast.Model.Bias, 1e-12);
    }

    [Fact]
    public void Shuffled_full_batch_equals_sequential_full_batch()
    {
        // A full batch's gradient is a sum over every row, so the row order changes only its rounding.
        Dataset data = Datasets.Dummy(Rows, 10, seed: 5);

        TrainingHistory shuffled = Trainer.Train(data, new TrainerOptions { BatchSize = Rows, Epochs = 3, Shuffle = true, Seed = 8 });
        TrainingHistory sequential = Trainer.Train(data, new TrainerOptions { BatchSize = Rows, Epochs = 3 });

        AssertRelativelyClose(sequential.Model.Weights, sequential.Model.Bias, shuffled.Model.Weights, shuffled.Model.Bias, 1e-12);
    }

    [Theory]
    [InlineData(5, 8000, false)]
    [InlineData(10, 4000, false)]
    [InlineData(10, 8000, true)]
    [InlineData(17, 2000, true)]
    [InlineData(30, 1500, true)]
    [InlineData(100, 333, false)]
    public void Threaded_batches_match_one_thread(int d, int batchSize, bool shuffle)
    {
        // 8000 rows; B·d reaches ParallelMinimumValues, so with 2 threads each batch's gradient is cut into chunks.
        Dataset data = Datasets.Dummy(8000, d, seed: 31);
        var options = new TrainerOptions { BatchSize = batchSize, Epochs = 2, Shuffle = shuffle, Seed = 2, RecordEpochMetrics = false };

        TrainingHistory oneThread = Trainer.Train(data, options with { Threads = 1 }, initial: Start(d));
        TrainingHistory twoThreads = Trainer.Train(data, options with { Threads = 2 }, initial: Start(d));

        AssertRelativelyClose(oneThread.Model.Weights, oneThread.Model.Bias, twoThreads.Model.Weights, twoThreads.Model.Bias, 1e-12);
        for (int k = 0; k < oneThread.Updates.Count; k++)
        {
            Assert.Equal(oneThread.Updates[k].BatchLoss, twoThreads.Updates[k].BatchLoss, 1e-12);
        }
    }

    [Fact]
    public void Threaded_result_ignores_helper_availability()
    {
        // A run that finds the helpers taken computes every chunk itself, in the same split and order.
        Dataset data = Datasets.Dummy(12_000, 10, seed: 32);
        var options = new TrainerOptions { BatchSize = 4096, Epochs = 2, Threads = 2, RecordUpdates = false, RecordEpochMetrics = false };

        TrainingHistory free = Trainer.Train(data, options);
        bool taken = GradientWorkers.Shared.TryAcquire();
        TrainingHistory busy;
        try
        {
            busy = Trainer.Train(data, options);
        }
        finally
        {
            if (taken)
            {
                GradientWorkers.Shared.Release();
            }
        }

        Assert.Equal(free.Model.Weights, busy.Model.Weights);
        Assert.Equal(free.Model.Bias, busy.Model.Bias);
    }

    [Fact]
    public void Threaded_epochs_allocate_nothing()
    {
        Dataset data = Datasets.Dummy(20000, 10, seed: 33);
        var options = new TrainerOptions { BatchSize = 4096, Epochs = 4, Threads = 2, Shuffle = true, RecordUpdates = false, RecordEpochMetrics = false };

        TrainingHistory history = Trainer.Train(data, options);

        EpochAllocations.AssertNoneAfterFirst(history.Epochs);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(32, 1)]
    [InlineData(333, 1)]
    [InlineData(1, 2)]
    [InlineData(32, 2)]
    [InlineData(333, 2)]
    [InlineData(1500, 1)]
    [InlineData(1500, 2)]
    [InlineData(2000, 2)]
    [InlineData(5000, 1)]
    public void Gathered_blocks_match_training_on_permuted_rows(int batchSize, int threads)
    {
        // 20,000 rows × 10: shuffled epochs gather rows into blocks of about RowGather.BlockValues values, on one thread
        // or two, so this epoch spans several blocks. A block has 4 parts per thread while 4 batches per thread fit in
        // it, else fewer, down to 2 (B = 1500: 8 batches a block, so 4 parts on one thread and 8 on two; B = 2000: 6 parts
        // on two threads; B = 5000: 2 parts). B = 1 restarts its one-row look-ahead per part, which changes only the last bits.
        Dataset data = Datasets.Synthetic(20_000, 10, seed: 34);
        int[] order = BatchPlan.Create(20_000, batchSize, shuffle: true, seed: 5).EpochOrders(1)[0];
        var seen = new List<UpdateRecord>();

        TrainingHistory shuffled = Trainer.Train(data, new TrainerOptions { BatchSize = batchSize, Epochs = 1, Shuffle = true, Seed = 5, Threads = threads, OnUpdate = seen.Add });
        TrainingHistory inOrder = Trainer.Train(data.Select(order), new TrainerOptions { BatchSize = batchSize, Epochs = 1, Threads = 1 });

        AssertRelativelyClose(inOrder.Model.Weights, inOrder.Model.Bias, shuffled.Model.Weights, shuffled.Model.Bias, batchSize == 1 ? 1e-12 : 0);
        Assert.Equal(Enumerable.Range(0, seen.Count), seen.Select(u => u.Step));
        Assert.Equal(inOrder.Updates.Select(u => u.SamplesSeen), seen.Select(u => u.SamplesSeen));
        Assert.Equal(inOrder.Updates.Select(u => u.BatchLoss), shuffled.Updates.Select(u => u.BatchLoss), new ToleranceComparer(1e-12));
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(10, 2)]
    [InlineData(100, 2)]
    public void Reused_kernel_matches_new_kernel(int d, int threads)
    {
        // A kernel keeps its gather buffers between calls, and each call sets the parts per block again. Batch sizes
        // that change the parts, grow the buffers and go back to smaller batches must give the updates of a new kernel.
        const int rows = 20_003;
        Dataset data = Datasets.Synthetic(rows, d, seed: 3);
        int[] order = BatchPlan.Create(rows, 7, shuffle: true, seed: 11).EpochOrders(1)[0];
        var reused = new EpochKernel(d, threads);
        foreach (int batchSize in new[] { 32, 1500, 1, 5000, 333, 2, 1000 })
        {
            (double[] W, double B, List<(Batch, double, double)> Updates) expected = RunObserved(new EpochKernel(d, threads), data, order, batchSize);

            (double[] W, double B, List<(Batch, double, double)> Updates) actual = RunObserved(reused, data, order, batchSize);

            Assert.Equal(expected.W, actual.W);
            Assert.Equal(expected.B, actual.B);
            Assert.Equal(expected.Updates, actual.Updates);
            Assert.Equal(BatchPlan.CountBatches(rows, batchSize), actual.Updates.Count);
        }
    }

    [Fact]
    public void Scalar_exp_is_within_two_ulps_of_math_exp()
    {
        // Math.Exp is the reference. The step is not a multiple of ln 2 / 64, so the table index and the remainder
        // both vary. Below −708 the result is subnormal and comes from the other branch.
        ref long table = ref MemoryMarshal.GetArrayDataReference(ScalarExp.TableBits);
        for (double v = -745.0; v <= 0; v += 0.00987654)
        {
            double expected = Math.Exp(v);
            double actual = ScalarExp.NonPositive(v, ref table);
            long ulps = Math.Abs(BitConverter.DoubleToInt64Bits(actual) - BitConverter.DoubleToInt64Bits(expected));
            Assert.True(ulps <= 2, $"exp({v}) = {actual}, Math.Exp gives {expected} ({ulps} ulps apart)");
        }

        Assert.Equal(1.0, ScalarExp.NonPositive(0.0, ref table));
        Assert.Equal(0.0, ScalarExp.NonPositive(-800.0, ref table));
        Assert.Equal(0.0, ScalarExp.NonPositive(double.NegativeInfinity, ref table));
    }

    [Fact]
    public void Vector_exp_is_within_two_ulps_of_math_exp()
    {
        // Math.Exp is the reference: the textbook form and Sigmoid.Compute use it.
        for (double v = -745.0; v <= 0; v += 0.01234567)
        {
            double expected = Math.Exp(v);
            double actual = Vector256Math.ExpNonPositive(Vector256.Create(v)).GetElement(0);
            if (expected >= double.Epsilon * (1L << 52))
            {
                long ulps = Math.Abs(BitConverter.DoubleToInt64Bits(actual) - BitConverter.DoubleToInt64Bits(expected));
                Assert.True(ulps <= 2, $"exp({v}) = {actual}, Math.Exp gives {expected} ({ulps} ulps apart)");
            }
        }

        Assert.Equal(1.0, Vector256Math.ExpNonPositive(Vector256<double>.Zero).GetElement(0));
        Assert.Equal(0.0, Vector256Math.ExpNonPositive(Vector256.Create(-800.0)).GetElement(0));
        Assert.Equal(0.0, Vector256Math.ExpNonPositive(Vector256.Create(double.MinValue)).GetElement(0));
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(800.0, 1.0)]
    [InlineData(-800.0, 0.0)]
    [InlineData(-40.0, 4.248354255291589e-18)]
    public void Vector_sigmoid_handles_extremes(double z, double expected)
    {
        // −40: σ(−40) = e^−40 / (1 + e^−40), from Math.Exp in double precision.
        double actual = Vector256Math.Sigmoid(Vector256.Create(z)).GetElement(0);

        Assert.Equal(expected, actual, expected * 1e-15);
    }

    private static (double[] W, double B, List<(Batch, double, double)> Updates) RunObserved(EpochKernel kernel, Dataset data, int[] order, int batchSize)
    {
        double[] w = Enumerable.Range(0, data.Columns).Select(j => 0.01 * (j - 3)).ToArray();
        double b = 0.1;
        var updates = new List<(Batch, double, double)>();
        kernel.RunBatches(data.XMemory, data.YMemory, order, batchSize, BatchPlan.CountBatches(data.Rows, batchSize), data.Rows, w, ref b, 0.1, null, (batch, loss, bias) => updates.Add((batch, loss, bias)));
        return (w, b, updates);
    }

    private static LogisticRegression Start(int d) =>
        new(Enumerable.Range(0, d).Select(j => 0.1 * (j % 7 - 3)).ToArray(), 0.2);

    private static void AssertRelativelyClose(double[] expectedW, double expectedB, double[] w, double b, double tolerance)
    {
        Assert.Equal(expectedW.Length, w.Length);
        for (int j = 0; j < w.Length; j++)
        {
            Assert.True(Math.Abs(expectedW[j] - w[j]) <= tolerance * Math.Max(Math.Abs(expectedW[j]), 1), $"W[{j}]: expected {expectedW[j]}, got {w[j]}");
        }

        Assert.True(Math.Abs(expectedB - b) <= tolerance * Math.Max(Math.Abs(expectedB), 1), $"b: expected {expectedB}, got {b}");
    }
}
