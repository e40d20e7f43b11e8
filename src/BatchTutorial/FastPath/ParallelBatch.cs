using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BatchTutorial;

/// <summary>
/// One large batch cut into contiguous chunks of its positions, <see cref="ChunksPerThread"/> per thread. A chunk's
/// gradient sums go into buffers of the thread's slot (a chunk may be computed twice, see <see cref="GradientWorkers"/>),
/// and the owners' buffers are added in chunk order, so the result does not depend on thread timing.
/// </summary>
internal sealed class ParallelBatch : IChunkedJob
{
    private readonly PackedVector _weights;
    // Indexed [slot][chunk]: slot 0 is the calling thread, slot i helper i.
    private readonly PackedVector[][] _gradients;
    private readonly double[][] _errorSums;
    private readonly double[][] _lossSums;

    private ReadOnlyMemory<double> _x;
    private ReadOnlyMemory<double> _y;
    private ReadOnlyMemory<int> _order;
    private int _start;
    private int _end;
    private int _partSize;
    private double _bias;
    private bool _wantLoss;

    /// <summary>Creates the per-slot, per-chunk buffers for <paramref name="threads"/> threads and rows shaped like <paramref name="weights"/>.</summary>
    public ParallelBatch(PackedVector weights, int threads)
    {
        _weights = weights;
        Threads = threads;
        Parts = ChunksPerThread * threads;
        _gradients = new PackedVector[threads][];
        _errorSums = new double[threads][];
        _lossSums = new double[threads][];
        for (int slot = 0; slot < threads; slot++)
        {
            _gradients[slot] = new PackedVector[Parts];
            for (int chunk = 0; chunk < Parts; chunk++)
            {
                _gradients[slot][chunk] = new PackedVector(weights.Columns);
            }

            _errorSums[slot] = new double[Parts];
            _lossSums[slot] = new double[Parts];
        }
    }

    /// <summary>Chunks per thread: two, so a thread that starts late takes a smaller share.</summary>
    public const int ChunksPerThread = 2;

    /// <summary>The number of threads the batch is meant for.</summary>
    public int Threads { get; }

    /// <summary>The number of chunks a batch is cut into.</summary>
    public int Parts { get; }

    /// <summary>Sets the data of the coming epoch; the memory must stay valid until <see cref="Clear"/>.</summary>
    public void Begin(ReadOnlyMemory<double> x, ReadOnlyMemory<double> y, ReadOnlyMemory<int> order, bool wantLoss)
    {
        _x = x;
        _y = y;
        _order = order;
        _wantLoss = wantLoss;
    }

    /// <summary>Drops the references to the caller's data.</summary>
    public void Clear()
    {
        _x = default;
        _y = default;
        _order = default;
    }

    /// <summary>
    /// Computes the gradient sums of positions [<paramref name="start"/>, <paramref name="end"/>) at the current
    /// weights and bias <paramref name="b"/>, on the shared helpers when <paramref name="helpers"/> is not null.
    /// </summary>
    /// <returns>Σ e over the batch; the sums Σ e·x end up in <paramref name="total"/> (unmasked).</returns>
    public double Compute(int start, int end, double b, GradientWorkers? helpers, PackedVector total, out double lossSum)
    {
        _start = start;
        _end = end;
        _bias = b;

        // Chunks of a multiple of 4 rows keep every chunk on the four-row path except the last.
        _partSize = ((end - start + Parts - 1) / Parts + 3) & ~3;
        if (helpers is not null)
        {
            helpers.Run(this, Parts, Threads);
        }
        else
        {
            for (int part = 0; part < Parts; part++)
            {
                RunChunk(part, slot: 0, ticket: default);
            }
        }

        Span<Vector256<double>> sum = total.Values;
        sum.Clear();
        double errorSum = 0;
        lossSum = 0;
        for (int part = 0; part < Parts; part++)
        {
            int slot = helpers?.Owner(part) ?? 0;
            Vector256<double>[] gradient = _gradients[slot][part].Values;
            for (int c = 0; c < sum.Length; c++)
            {
                sum[c] += gradient[c];
            }

            errorSum += _errorSums[slot][part];
            lossSum += _lossSums[slot][part];
        }

        return errorSum;
    }

    /// <inheritdoc/>
    public void RunChunk(int part, int slot, ChunkTicket ticket)
    {
        ReadOnlyMemory<double> xs = _x;
        ReadOnlyMemory<double> ys = _y;
        ReadOnlyMemory<int> orders = _order;
        int firstStart = _start;
        int lastEnd = _end;
        int partSize = _partSize;
        double bias = _bias;
        bool wantLoss = _wantLoss;
        if (!ticket.IsCurrent)
        {
            return;
        }

        int start = Math.Min(firstStart + part * partSize, lastEnd);
        int end = Math.Min(start + partSize, lastEnd);
        PackedVector gradient = _gradients[slot][part];
        gradient.Values.AsSpan().Clear();
        _errorSums[slot][part] = 0;
        _lossSums[slot][part] = 0;
        if (start == end)
        {
            return;
        }

        ref double x = ref MemoryMarshal.GetReference(xs.Span);
        ref double y = ref MemoryMarshal.GetReference(ys.Span);
        ref int order = ref MemoryMarshal.GetReference(orders.Span);
        double lossSum;
        _errorSums[slot][part] = (orders.IsEmpty, _weights.Chunks) switch
        {
            (true, 1) => SmallBatchKernel.AccumulatePart<OneChunk, StorageOrder>(ref x, ref y, ref order, start, end, _weights, bias, gradient, wantLoss, out lossSum),
            (true, 2) => SmallBatchKernel.AccumulatePart<TwoChunks, StorageOrder>(ref x, ref y, ref order, start, end, _weights, bias, gradient, wantLoss, out lossSum),
            (true, 3) => SmallBatchKernel.AccumulatePart<ThreeChunks, StorageOrder>(ref x, ref y, ref order, start, end, _weights, bias, gradient, wantLoss, out lossSum),
            (true, 4) => SmallBatchKernel.AccumulatePart<FourChunks, StorageOrder>(ref x, ref y, ref order, start, end, _weights, bias, gradient, wantLoss, out lossSum),
            (true, _) => WideBatchKernel.Accumulate<StorageOrder>(ref x, ref y, ref order, start, end, _weights, bias, gradient, wantLoss, out lossSum),
            (false, 1) => SmallBatchKernel.AccumulatePart<OneChunk, PermutedOrder>(ref x, ref y, ref order, start, end, _weights, bias, gradient, wantLoss, out lossSum),
            (false, 2) => SmallBatchKernel.AccumulatePart<TwoChunks, PermutedOrder>(ref x, ref y, ref order, start, end, _weights, bias, gradient, wantLoss, out lossSum),
            (false, 3) => SmallBatchKernel.AccumulatePart<ThreeChunks, PermutedOrder>(ref x, ref y, ref order, start, end, _weights, bias, gradient, wantLoss, out lossSum),
            (false, 4) => SmallBatchKernel.AccumulatePart<FourChunks, PermutedOrder>(ref x, ref y, ref order, start, end, _weights, bias, gradient, wantLoss, out lossSum),
            (false, _) => WideBatchKernel.Accumulate<PermutedOrder>(ref x, ref y, ref order, start, end, _weights, bias, gradient, wantLoss, out lossSum),
        };
        _lossSums[slot][part] = lossSum;
    }
}
