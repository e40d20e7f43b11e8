using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BatchTutorial.Tests;

public class TrainerTests
{
    [Fact]
    public void Hand_computed_epoch_from_zero()
    {
        // Hand calculation (the three batch gradients in GradientTests, applied in turn with lr = 0.1, recomputing p
        // after each update); digits from evaluating those steps in double precision.
        var options = new TrainerOptions { BatchSize = 2, Epochs = 1, LearningRate = 0.1 };

        TrainingHistory history = Trainer.Train(GradientTests.Small(), options);

        Assert.Equal(-0.04782062129795331, history.Model.Weights[0], 1e-12);
        Assert.Equal(0.10092954142788513, history.Model.Weights[1], 1e-12);
        Assert.Equal(0.050929541427885125, history.Model.Bias, 1e-12);
        Assert.Equal([2, 2, 1], history.Updates.Select(u => u.BatchRows));
    }

    [Fact]
    public void Article_loop_prints_five_batch_lines()
    {
        // 100 × 10 dummy data, B = 20: the numpy tutorial prints "Batch 1 updated." to "Batch 5 updated.".
        Dataset data = Datasets.Dummy(100, 10, seed: 0);
        var lines = new List<string>();
        var options = new TrainerOptions
        {
            BatchSize = 20,
            Epochs = 1,
            LearningRate = 0.01,
            OnUpdate = u => lines.Add($"Batch {u.Step + 1} updated."),
        };

        Trainer.Train(data, options);

        Assert.Equal(["Batch 1 updated.", "Batch 2 updated.", "Batch 3 updated.", "Batch 4 updated.", "Batch 5 updated."], lines);
    }

    [Fact]
    public void History_counts_updates_and_samples()
    {
        Dataset data = Datasets.Dummy(1000, 3, seed: 1);
        var options = new TrainerOptions { BatchSize = 300, Epochs = 3, LearningRate = 0.1 };

        TrainingHistory history = Trainer.Train(data, options);

        Assert.Equal(12, history.Updates.Count);
        Assert.Equal([300, 300, 300, 100], history.Updates.Take(4).Select(u => u.BatchRows));
        Assert.Equal(Enumerable.Range(1, 12).Select(u => (long)u), history.Updates.Select(u => u.Update));
        Assert.Equal(3000, history.Updates[^1].SamplesSeen);
        Assert.Equal([4L, 8L, 12L], history.Epochs.Select(e => e.Updates));
        Assert.Equal([1000L, 2000L, 3000L], history.Epochs.Select(e => e.SamplesSeen));
        Assert.All(history.Epochs, e => Assert.True(double.IsFinite(e.TrainLoss) && e.TrainAccuracy is >= 0 and <= 1));
    }

    [Fact]
    public void Callback_records_match_stored_records()
    {
        Dataset data = Datasets.Dummy(57, 4, seed: 2);
        var seen = new List<UpdateRecord>();
        var options = new TrainerOptions { BatchSize = 10, Epochs = 2, Shuffle = true, Seed = 5, OnUpdate = seen.Add };

        TrainingHistory history = Trainer.Train(data, options);

        Assert.Equal(history.Updates, seen);
    }

    [Fact]
    public void Learnable_blobs_reach_high_accuracy()
    {
        Dataset data = Datasets.Blobs(400, seed: 4);
        var options = new TrainerOptions { BatchSize = 16, Epochs = 10, LearningRate = 0.1, Shuffle = true, Seed = 1 };

        TrainingHistory history = Trainer.Train(data, options);

        Assert.True(history.Epochs[^1].TrainAccuracy > 0.9, $"accuracy {history.Epochs[^1].TrainAccuracy}");
        Assert.True(history.Epochs[^1].TrainLoss < history.InitialTrainLoss);
    }

    [Fact]
    public void Training_data_stays_untouched()
    {
        Dataset data = Datasets.Dummy(64, 5, seed: 9);
        double[] x = data.X.ToArray();
        double[] y = data.Y.ToArray();

        Trainer.Train(data, new TrainerOptions { BatchSize = 8, Epochs = 3, Shuffle = true, Seed = 3 });

        Assert.Equal(x, data.X.ToArray());
        Assert.Equal(y, data.Y.ToArray());
    }

    [Fact]
    public void Shuffled_epoch_equals_sequential_epoch_on_permuted_rows()
    {
        // The permutation must index X and y alike: training on the shuffled order must equal training, in order,
        // on a copy whose rows (features and label together) were put in that order.
        Dataset data = Datasets.Blobs(50, seed: 6);
        int[] order = BatchPlan.Create(50, 7, shuffle: true, seed: 11).EpochOrders(1)[0];

        TrainingHistory shuffled = Trainer.Train(data, new TrainerOptions { BatchSize = 7, Epochs = 1, Shuffle = true, Seed = 11 });
        TrainingHistory inOrder = Trainer.Train(data.Select(order), new TrainerOptions { BatchSize = 7, Epochs = 1 });

        Assert.Equal(inOrder.Model.Weights, shuffled.Model.Weights);
        Assert.Equal(inOrder.Model.Bias, shuffled.Model.Bias);
    }

    [Property(MaxTest = 40)]
    public Property Same_seed_gives_identical_runs(PositiveInt n, PositiveInt b, int seed)
    {
        Dataset data = Datasets.Dummy(n.Get % 120 + 1, 3, seed: 17);
        var options = new TrainerOptions { BatchSize = b.Get % 40 + 1, Epochs = 3, Shuffle = true, Seed = seed, RecordTrajectory = true };

        TrainingHistory first = Trainer.Train(data, options);
        TrainingHistory second = Trainer.Train(data, options);

        bool updates = first.Updates.SequenceEqual(second.Updates);
        bool losses = first.Epochs.Select(e => (e.TrainLoss, e.TrainAccuracy)).SequenceEqual(second.Epochs.Select(e => (e.TrainLoss, e.TrainAccuracy)));
        bool weights = first.Model.Weights.SequenceEqual(second.Model.Weights) && first.Model.Bias.Equals(second.Model.Bias);
        bool path = first.Trajectory.Zip(second.Trajectory).All(p => p.First.Weights.SequenceEqual(p.Second.Weights) && p.First.Bias.Equals(p.Second.Bias));
        return (updates && losses && weights && path).ToProperty();
    }

    [Fact]
    public void Trajectory_runs_from_start_to_result()
    {
        Dataset data = GradientTests.Small();
        var initial = new LogisticRegression([0.5, -0.5], 0.2);

        TrainingHistory history = Trainer.Train(data, new TrainerOptions { BatchSize = 2, Epochs = 2, RecordTrajectory = true }, initial: initial);

        Assert.Equal(7, history.Trajectory.Count);
        Assert.Equal([0.5, -0.5], history.Trajectory[0].Weights);
        Assert.Equal(0.2, history.Trajectory[0].Bias);
        Assert.Equal(history.Model.Weights, history.Trajectory[^1].Weights);
        Assert.Equal(history.Model.Bias, history.Trajectory[^1].Bias);
        Assert.Equal([0.5, -0.5], initial.Weights);
    }

    [Fact]
    public void Bare_epochs_allocate_nothing()
    {
        Dataset data = Datasets.Dummy(5000, 10, seed: 8);
        var options = new TrainerOptions
        {
            BatchSize = 32,
            Epochs = 4,
            Shuffle = true,
            RecordUpdates = false,
            RecordEpochMetrics = false,
        };

        TrainingHistory history = Trainer.Train(data, options);

        Assert.Empty(history.Updates);
        EpochAllocations.AssertNoneAfterFirst(history.Epochs);
        Assert.All(history.Epochs, e => Assert.True(double.IsNaN(e.TrainLoss)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Rejects_bad_learning_rate(double learningRate)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Train(GradientTests.Small(), new TrainerOptions { LearningRate = learningRate }));

        Assert.Equal("LearningRate", error.ParamName);
    }

    [Fact]
    public void Rejects_zero_epochs()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Train(GradientTests.Small(), new TrainerOptions { Epochs = 0 }));

        Assert.Equal("Epochs", error.ParamName);
        Assert.Equal(0, error.ActualValue);
    }

    [Fact]
    public void Rejects_initial_model_of_wrong_length()
    {
        var error = Assert.Throws<ArgumentException>(() => Trainer.Train(GradientTests.Small(), new TrainerOptions(), initial: new LogisticRegression(3)));

        Assert.Equal("initial.Weights", error.ParamName);
    }
}
