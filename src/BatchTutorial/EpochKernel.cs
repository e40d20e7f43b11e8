using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BatchTutorial;

/// <summary>
/// The trainer's fast path: epochs of mini-batch gradient descent on row-major data, with the forward and backward
/// passes fused per group of rows so X is read once per epoch, and nothing allocated after the first epoch.
/// </summary>
/// <remarks>
/// Per batch of m rows: for each row, z = x·W + b, e = σ(z) − y, g += e·x, gb += e; then W −= (lr/m)·g and
/// b −= (lr/m)·gb. This is the update of <see cref="LogisticRegression.Gradient"/> followed by
/// <see cref="GradientDescent.Step"/>, up to rounding: sums run in another order, and e^x comes from
/// <see cref="Vector256Math.ExpNonPositive"/> in mini-batches and <see cref="ScalarExp.NonPositive"/> in online epochs
/// (each within 2 units in the last place of <see cref="Math.Exp"/>).
/// Which kernel runs depends on the batch size and on d: see <see cref="RunBatches"/>.
/// </remarks>
internal sealed class EpochKernel : ICallerWork
{
    /// <summary>
    /// The batch size × d from which one batch's gradient is split over threads. Below it the hand-over (posting the
    /// chunks, moving the partial gradients and the new W between cores) costs about as much as it saves.
    /// </summary>
    // NOTE: a rough choice from a few runs on one busy 2-core machine: two threads paid at B = 1024 with d = 100 and
    // for full batches, but not clearly at B = 1024 with d = 10 (10,240 values).
    public const int ParallelMinimumValues = 32_768;

    /// <summary>
    /// The largest batch, in values (B·d), whose rows a shuffled epoch gathers into a block buffer. A larger batch is
    /// read through the permutation in place, so the buffers stay a few blocks in size (see <see cref="RowGather"/>).
    /// </summary>
    public const int GatherMaximumValues = 131_072;

    private readonly int _columns;
    private readonly PackedVector? _weights;
    private readonly PackedVector? _gradient;
    private readonly ParallelBatch? _parallel;
    private readonly double[] _portableGradient;

    // The block buffers of RunGathered, created on its first use and reused, and the shuffled epoch it is running. The
    // two offsets place the current part in the epoch for the observers.
    private RowGather? _gather;
    private GatheredBlocks _block;
    private int _stepOffset;
    private int _positionOffset;

    // The observers of the current RunBatches call, null outside a call.
    private double[]? _observedWeights;
    private double[]? _batchLoss;
    private Action<Batch, double, double>? _onUpdate;

    /// <summary>Creates the kernel for rows of <paramref name="columns"/> features, with its scratch space (the gather buffers come with the first shuffled epoch).</summary>
    /// <param name="columns">d, at least 1.</param>
    /// <param name="threads">Threads for one large batch: 0 for every processor (at most 8), 1 for none.</param>
    /// <param name="vectorized">Use the 256-bit kernels where they apply; false forces <see cref="PortableKernel"/> (for tests).</param>
    public EpochKernel(int columns, int threads = 0, bool vectorized = true)
    {
        Guard.Positive(columns, nameof(columns));
        Guard.NotNegative(threads, nameof(threads));
        _columns = columns;
        _portableGradient = new double[columns];
        if (vectorized && SupportsVectors(columns))
        {
            _weights = new PackedVector(columns);
            _gradient = new PackedVector(columns);
            int parallelThreads = Math.Min(threads == 0 ? Environment.ProcessorCount : threads, GradientWorkers.MaxThreads);
            _parallel = parallelThreads > 1 ? new ParallelBatch(_weights, parallelThreads) : null;
        }
    }

    /// <summary>Whether the 256-bit kernels run for rows of <paramref name="columns"/> features on this machine.</summary>
    public static bool SupportsVectors(int columns) => Vector256.IsHardwareAccelerated && columns >= 4;

    /// <summary>Whether this kernel uses the 256-bit kernels.</summary>
    public bool IsVectorized => _weights is not null;

    /// <summary>Whether an observer of the current call wants each batch's loss.</summary>
    internal bool WantsLoss => _batchLoss is { Length: > 0 } || _onUpdate is not null;

    /// <summary>Runs one epoch over <paramref name="plan"/>'s batches in the row order <paramref name="order"/>.</summary>
    /// <param name="x">Features, n × d, row-major.</param>
    /// <param name="y">Labels, n values.</param>
    /// <param name="plan">The batches of the epoch.</param>
    /// <param name="order">The epoch's row order (a permutation of 0 … n − 1), or empty for rows in order.</param>
    /// <param name="w">Weights, updated in place.</param>
    /// <param name="b">Bias, updated in place.</param>
    /// <param name="learningRate">lr of the update.</param>
    /// <param name="batchLoss">Receives each batch's mean log loss before its update, or null to skip the loss.</param>
    /// <param name="onUpdate">Called after each update with the batch, its loss and the new bias (w is already updated), or null.</param>
    public void Run(
        ReadOnlyMemory<double> x,
        ReadOnlyMemory<double> y,
        BatchPlan plan,
        ReadOnlyMemory<int> order,
        double[] w,
        ref double b,
        double learningRate,
        double[]? batchLoss,
        Action<Batch, double, double>? onUpdate)
    {
        int batchCount = plan.BatchesPerEpoch;
        int rows = plan.GetBatch(batchCount - 1).End;

        // A full batch sums over every row, so its gradient does not depend on the row order: read X in storage
        // order rather than gather it through the permutation (the result changes only by rounding).
        if (batchCount == 1 && rows == plan.SampleCount)
        {
            order = ReadOnlyMemory<int>.Empty;
        }

        RunBatches(x, y, order, Math.Min(plan.BatchSize, plan.SampleCount), batchCount, rows, w, ref b, learningRate, batchLoss, onUpdate);
    }

    /// <summary>
    /// Runs <paramref name="batchCount"/> batches in order: batch k covers positions [k·B, min((k + 1)·B, rows)) of
    /// <paramref name="order"/>, or of the rows in storage order when <paramref name="order"/> is empty.
    /// </summary>
    /// <remarks>
    /// B = 1 runs <see cref="OnlineKernel"/>. B ≥ 2 runs <see cref="SmallBatchKernel"/> for 4 ≤ d ≤ 16 and
    /// <see cref="WideBatchKernel"/> above, split over threads by <see cref="ParallelBatch"/> when B·d reaches
    /// <see cref="ParallelMinimumValues"/>. d &lt; 4, or a machine without 256-bit vectors, runs <see cref="PortableKernel"/>.
    /// Every entry of <paramref name="order"/> must be a row index below y.Length: the kernels do not check it.
    /// </remarks>
    public void RunBatches(
        ReadOnlyMemory<double> x,
        ReadOnlyMemory<double> y,
        ReadOnlyMemory<int> order,
        int batchSize,
        int batchCount,
        int rows,
        double[] w,
        ref double b,
        double learningRate,
        double[]? batchLoss,
        Action<Batch, double, double>? onUpdate)
    {
        Guard.Length(w.Length, _columns, nameof(w));
        Guard.Positive(batchSize, nameof(batchSize));
        Guard.Positive(batchCount, nameof(batchCount));
        int available = order.IsEmpty ? y.Length : Math.Min(y.Length, order.Length);
        if (rows > available || (long)(batchCount - 1) * batchSize >= rows || (long)batchCount * batchSize < rows || (long)y.Length * _columns > x.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, Messages.Format(nameof(Messages.MustBeInRange), nameof(rows), rows, (long)(batchCount - 1) * batchSize + 1, Math.Min(available, (long)batchCount * batchSize)));
        }

        bool observe = batchLoss is { Length: > 0 } || onUpdate is not null;
        _observedWeights = w;
        _batchLoss = batchLoss;
        _onUpdate = onUpdate;
        try
        {
            if (_weights is null)
            {
                PortableKernel.Run(x.Span, y.Span, order.Span, batchSize, batchCount, rows, w, _portableGradient, ref b, learningRate, observe ? this : null);
                return;
            }

            _weights.Pack(w);
            if (_parallel is not null && batchSize >= 4 * _parallel.Parts && (long)batchSize * _columns >= ParallelMinimumValues)
            {
                RunParallel(x, y, order, batchSize, batchCount, rows, ref b, learningRate, observe ? this : null);
            }
            else if (!order.IsEmpty && (long)batchSize * _columns <= GatherMaximumValues)
            {
                RunGathered(x, y, order, batchSize, batchCount, rows, ref b, learningRate, observe);
            }
            else
            {
                switch (order.IsEmpty, observe)
                {
                    case (true, false): RunVectorized<StorageOrder, Unobserved>(x.Span, y.Span, order.Span, batchSize, batchCount, rows, ref b, learningRate, null); break;
                    case (true, true): RunVectorized<StorageOrder, Observed>(x.Span, y.Span, order.Span, batchSize, batchCount, rows, ref b, learningRate, this); break;
                    case (false, false): RunVectorized<PermutedOrder, Unobserved>(x.Span, y.Span, order.Span, batchSize, batchCount, rows, ref b, learningRate, null); break;
                    case (false, true): RunVectorized<PermutedOrder, Observed>(x.Span, y.Span, order.Span, batchSize, batchCount, rows, ref b, learningRate, this); break;
                }
            }

            _weights.Unpack(w);
        }
        finally
        {
            _observedWeights = null;
            _batchLoss = null;
            _onUpdate = null;
        }
    }

    /// <summary>Called by the kernels after each update when someone observes it; W is in the packed chunks.</summary>
    internal void AfterUpdate(int step, int start, int count, double loss, double bias)
    {
        step += _stepOffset;
        start += _positionOffset;
        if (_batchLoss is { Length: > 0 } losses)
        {
            losses[step] = loss;
        }

        if (_onUpdate is { } onUpdate)
        {
            _weights?.Unpack(_observedWeights!);
            onUpdate(new Batch(step, start, count), loss, bias);
        }
    }

    /// <summary>
    /// Runs shuffled batches a block at a time: <see cref="RowGather"/> copies the block's rows, in the epoch's order,
    /// into buffers, and the storage-order kernel runs on each part. While the calling thread trains on one block, the
    /// helpers (when free) gather the next into the other buffer set, and the caller joins them when it is done.
    /// </summary>
    /// <remarks>
    /// A copy loop keeps many independent row loads in flight, while the kernel's own gather waits on each group of
    /// rows in turn: at N = 1,000,000 and d = 10 the copy measured about 15 % faster for B = 32 and twice as fast for
    /// B = 1. The copy still takes most of the time, because rows in random order come from memory at a fraction of
    /// the streaming bandwidth. The arithmetic is the same, so the updates are too, except that online learning
    /// restarts its one-row look-ahead at each part (a difference in the last bits).
    /// </remarks>
    private void RunGathered(
        ReadOnlyMemory<double> x,
        ReadOnlyMemory<double> y,
        ReadOnlyMemory<int> order,
        int batchSize,
        int batchCount,
        int rows,
        ref double b,
        double learningRate,
        bool observe)
    {
        GradientWorkers shared = GradientWorkers.Shared;
        _gather ??= new RowGather(_columns, _parallel is null ? 1 : Math.Min(_parallel.Threads, shared.HelperCount + 1));
        RowGather gather = _gather;
        bool acquired = _parallel is not null && shared.HelperCount > 0 && shared.TryAcquire();
        gather.Begin(x, y, order, batchSize, batchCount, acquired ? shared : null);
        _block = new GatheredBlocks(batchSize, batchCount, rows, gather.Parts * gather.PartBatches, learningRate, observe, b);
        try
        {
            int blocks = (batchCount + _block.BlockBatches - 1) / _block.BlockBatches;
            gather.Gather(0, 0, _block.End(0), callerFirst: null);
            for (int block = 0; block < blocks; block++)
            {
                _block.Current = block;
                if (block + 1 < blocks)
                {
                    gather.Gather((block + 1) % RowGather.Sets, _block.Start(block + 1), _block.End(block + 1), callerFirst: this);
                }
                else
                {
                    TrainBlock();
                }
            }

        }
        finally
        {
            // Also when an observer throws, so b matches the weights of the last update, as in the other paths.
            b = _block.Bias;
            _stepOffset = 0;
            _positionOffset = 0;
            gather.Clear();
            if (acquired)
            {
                shared.Release();
            }
        }
    }

    /// <inheritdoc/>
    void ICallerWork.Run() => TrainBlock();

    /// <summary>Trains on the parts of block <see cref="GatheredBlocks.Current"/>, which <see cref="RowGather"/> gathered into set Current mod 2.</summary>
    private void TrainBlock()
    {
        RowGather gather = _gather!;
        ref GatheredBlocks block = ref _block;
        int first = block.Current * block.BlockBatches;
        int start = block.Start(block.Current);
        int end = block.End(block.Current);
        for (int part = 0; part < gather.Parts; part++)
        {
            int partStart = start + part * gather.PartRows;
            if (partStart >= end)
            {
                break;
            }

            int partRows = Math.Min(gather.PartRows, end - partStart);
            int partBatches = Math.Min(gather.PartBatches, block.BatchCount - first - part * gather.PartBatches);
            (Memory<double> partX, Memory<double> partY) = gather.Part(block.Current % RowGather.Sets, part, partRows);
            _stepOffset = first + part * gather.PartBatches;
            _positionOffset = partStart;
            if (block.Observe)
            {
                RunVectorized<StorageOrder, Observed>(partX.Span, partY.Span, [], block.BatchSize, partBatches, partRows, ref block.Bias, block.LearningRate, this);
            }
            else
            {
                RunVectorized<StorageOrder, Unobserved>(partX.Span, partY.Span, [], block.BatchSize, partBatches, partRows, ref block.Bias, block.LearningRate, null);
            }
        }
    }

    private void RunVectorized<TOrder, TObserved>(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        ReadOnlySpan<int> order,
        int batchSize,
        int batchCount,
        int rows,
        ref double b,
        double learningRate,
        EpochKernel? observer)
        where TOrder : struct, IRowOrder
        where TObserved : struct, IObserved
    {
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double ys = ref MemoryMarshal.GetReference(y);
        ref int os = ref MemoryMarshal.GetReference(order);
        PackedVector w = _weights!;
        if (batchSize == 1)
        {
            switch (w.Chunks)
            {
                case 1: OnlineKernel.RunSmall<OneChunk, TOrder, TObserved>(ref xs, ref ys, ref os, rows, w, ref b, learningRate, observer); break;
                case 2: OnlineKernel.RunSmall<TwoChunks, TOrder, TObserved>(ref xs, ref ys, ref os, rows, w, ref b, learningRate, observer); break;
                case 3: OnlineKernel.RunSmall<ThreeChunks, TOrder, TObserved>(ref xs, ref ys, ref os, rows, w, ref b, learningRate, observer); break;
                case 4: OnlineKernel.RunSmall<FourChunks, TOrder, TObserved>(ref xs, ref ys, ref os, rows, w, ref b, learningRate, observer); break;
                default: OnlineKernel.RunWide<TOrder, TObserved>(ref xs, ref ys, ref os, rows, w, ref b, learningRate, observer); break;
            }

            return;
        }

        switch (w.Chunks)
        {
            case 1: SmallBatchKernel.Run<OneChunk, TOrder, TObserved>(ref xs, ref ys, ref os, batchSize, batchCount, rows, w, ref b, learningRate, observer); break;
            case 2: SmallBatchKernel.Run<TwoChunks, TOrder, TObserved>(ref xs, ref ys, ref os, batchSize, batchCount, rows, w, ref b, learningRate, observer); break;
            case 3: SmallBatchKernel.Run<ThreeChunks, TOrder, TObserved>(ref xs, ref ys, ref os, batchSize, batchCount, rows, w, ref b, learningRate, observer); break;
            case 4: SmallBatchKernel.Run<FourChunks, TOrder, TObserved>(ref xs, ref ys, ref os, batchSize, batchCount, rows, w, ref b, learningRate, observer); break;
            default: WideBatchKernel.Run<TOrder, TObserved>(ref xs, ref ys, ref os, batchSize, batchCount, rows, w, _gradient!, ref b, learningRate, observer); break;
        }
    }

    /// <summary>Runs the batches with each batch's gradient split over threads; W stays in the packed chunks.</summary>
    private void RunParallel(
        ReadOnlyMemory<double> x,
        ReadOnlyMemory<double> y,
        ReadOnlyMemory<int> order,
        int batchSize,
        int batchCount,
        int rows,
        ref double b,
        double learningRate,
        EpochKernel? observer)
    {
        ParallelBatch parallel = _parallel!;
        PackedVector w = _weights!;
        PackedVector g = _gradient!;
        GradientWorkers shared = GradientWorkers.Shared;
        bool acquired = shared.HelperCount > 0 && shared.TryAcquire();
        GradientWorkers? helpers = acquired ? shared : null;
        parallel.Begin(x, y, order, observer is { WantsLoss: true });
        try
        {
            for (int k = 0; k < batchCount; k++)
            {
                int start = k * batchSize;
                int end = Math.Min(start + batchSize, rows);
                double gb = parallel.Compute(start, end, b, helpers, g, out double lossSum);

                int m = end - start;
                double scale = learningRate / m;
                Vector256<double> negativeScale = Vector256.Create(-scale);
                Vector256<double>[] weights = w.Values;
                Vector256<double>[] gradient = g.Values;
                gradient[^1] &= w.LastMask;
                for (int c = 0; c < weights.Length; c++)
                {
                    weights[c] = Vector256.FusedMultiplyAdd(negativeScale, gradient[c], weights[c]);
                }

                b -= scale * gb;
                observer?.AfterUpdate(k, start, m, lossSum / m, b);
            }
        }
        finally
        {
            parallel.Clear();
            if (acquired)
            {
                shared.Release();
            }
        }
    }
}

/// <summary>The shuffled epoch that <see cref="EpochKernel"/> runs a block at a time, and the bias it updates.</summary>
internal struct GatheredBlocks(int batchSize, int batchCount, int rows, int blockBatches, double learningRate, bool observe, double bias)
{
    public readonly int BatchSize = batchSize;
    public readonly int BatchCount = batchCount;
    public readonly int Rows = rows;
    public readonly int BlockBatches = blockBatches;
    public readonly double LearningRate = learningRate;
    public readonly bool Observe = observe;

    /// <summary>The bias, updated by every block.</summary>
    public double Bias = bias;

    /// <summary>The block being trained.</summary>
    public int Current;

    /// <summary>Returns the first position of block <paramref name="block"/>.</summary>
    public readonly int Start(int block) => block * BlockBatches * BatchSize;

    /// <summary>Returns the position after the last of block <paramref name="block"/>.</summary>
    public readonly int End(int block) => (int)Math.Min((long)(block + 1) * BlockBatches * BatchSize, Rows);
}
