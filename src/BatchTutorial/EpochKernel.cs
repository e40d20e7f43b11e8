using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BatchTutorial;

/// <summary>
/// The trainer's fast path: epochs of mini-batch gradient descent on row-major spans, with the forward and backward
/// passes fused per group of rows so X is read once per epoch, and nothing allocated after construction.
/// </summary>
/// <remarks>
/// Per batch of m rows: for each row, z = x·W + b, e = σ(z) − y, g += e·x, gb += e; then W −= (lr/m)·g and
/// b −= (lr/m)·gb. This is the update of <see cref="LogisticRegression.Gradient"/> followed by
/// <see cref="GradientDescent.Step"/>, up to rounding: sums run in another order, and e^x comes from
/// <see cref="Vector256Math.ExpNonPositive"/> (within 2 units in the last place of <see cref="Math.Exp"/>).
/// Which kernel runs depends on the batch size and on d: see <see cref="RunBatches"/>.
/// </remarks>
internal sealed class EpochKernel
{
    private readonly int _columns;
    private readonly PackedVector? _weights;
    private readonly PackedVector? _gradient;
    private readonly double[] _portableGradient;

    // The observers of the current RunBatches call, null outside a call.
    private double[]? _observedWeights;
    private double[]? _batchLoss;
    private Action<Batch, double, double>? _onUpdate;

    /// <summary>Creates the kernel for rows of <paramref name="columns"/> features, with all of its scratch space.</summary>
    /// <param name="columns">d, at least 1.</param>
    /// <param name="vectorized">Use the 256-bit kernels where they apply; false forces <see cref="PortableKernel"/> (for tests).</param>
    public EpochKernel(int columns, bool vectorized = true)
    {
        Guard.Positive(columns, nameof(columns));
        _columns = columns;
        _portableGradient = new double[columns];
        if (vectorized && SupportsVectors(columns))
        {
            _weights = new PackedVector(columns);
            _gradient = new PackedVector(columns);
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
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        BatchPlan plan,
        ReadOnlySpan<int> order,
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
            order = [];
        }

        RunBatches(x, y, order, Math.Min(plan.BatchSize, plan.SampleCount), batchCount, rows, w, ref b, learningRate, batchLoss, onUpdate);
    }

    /// <summary>
    /// Runs <paramref name="batchCount"/> batches in order: batch k covers positions [k·B, min((k + 1)·B, rows)) of
    /// <paramref name="order"/>, or of the rows in storage order when <paramref name="order"/> is empty.
    /// </summary>
    /// <remarks>
    /// B = 1 runs <see cref="OnlineKernel"/>, B ≥ 2 runs <see cref="SmallBatchKernel"/> for 4 ≤ d ≤ 16 and
    /// <see cref="WideBatchKernel"/> above; d &lt; 4, or a machine without 256-bit vectors, runs <see cref="PortableKernel"/>.
    /// Every entry of <paramref name="order"/> must be a row index below y.Length: the kernels do not check it.
    /// </remarks>
    public void RunBatches(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        ReadOnlySpan<int> order,
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
        Guard.Positive(rows, nameof(rows));
        if (rows > y.Length || (long)y.Length * _columns > x.Length || (!order.IsEmpty && order.Length < rows) || (long)(batchCount - 1) * batchSize >= rows)
        {
            throw new ArgumentException(Messages.Format(nameof(Messages.MustBeInRange), nameof(rows), rows, 1, Math.Min(y.Length, order.IsEmpty ? y.Length : order.Length)), nameof(rows));
        }

        bool observe = batchLoss is { Length: > 0 } || onUpdate is not null;
        _observedWeights = w;
        _batchLoss = batchLoss;
        _onUpdate = onUpdate;
        EpochKernel? observer = observe ? this : null;
        try
        {
            if (_weights is null)
            {
                PortableKernel.Run(x, y, order, batchSize, batchCount, rows, w, _portableGradient, ref b, learningRate, observer);
                return;
            }

            _weights.Pack(w);
            switch (order.IsEmpty, observe)
            {
                case (true, false): RunVectorized<StorageOrder, Unobserved>(x, y, order, batchSize, batchCount, rows, ref b, learningRate, null); break;
                case (true, true): RunVectorized<StorageOrder, Observed>(x, y, order, batchSize, batchCount, rows, ref b, learningRate, this); break;
                case (false, false): RunVectorized<PermutedOrder, Unobserved>(x, y, order, batchSize, batchCount, rows, ref b, learningRate, null); break;
                case (false, true): RunVectorized<PermutedOrder, Observed>(x, y, order, batchSize, batchCount, rows, ref b, learningRate, this); break;
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
}
