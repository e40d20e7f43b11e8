using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BatchTutorial;

/// <summary>
/// One large batch split into contiguous parts of its positions, each part's gradient sums computed on its own
/// thread into its own buffer, then added in part order so the result does not depend on thread timing.
/// </summary>
internal sealed class ParallelBatch : IPartJob
{
    private readonly PackedVector _weights;
    private readonly PackedVector[] _gradients;
    private readonly double[] _errorSums;
    private readonly double[] _lossSums;

    private ReadOnlyMemory<double> _x;
    private ReadOnlyMemory<double> _y;
    private ReadOnlyMemory<int> _order;
    private int _start;
    private int _end;
    private int _partSize;
    private double _bias;
    private bool _wantLoss;

    /// <summary>Creates the per-part buffers for batches of rows shaped like <paramref name="weights"/>.</summary>
    public ParallelBatch(PackedVector weights, int parts)
    {
        _weights = weights;
        Parts = parts;
        _gradients = new PackedVector[parts];
        for (int i = 0; i < parts; i++)
        {
            _gradients[i] = new PackedVector(weights.Columns);
        }

        _errorSums = new double[parts];
        _lossSums = new double[parts];
    }

    /// <summary>The number of parts a batch is split into.</summary>
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

        // Parts of a multiple of 4 rows keep every part on the four-row path except the last.
        _partSize = ((end - start + Parts - 1) / Parts + 3) & ~3;
        if (helpers is not null)
        {
            helpers.Run(this, Parts);
        }
        else
        {
            for (int part = 0; part < Parts; part++)
            {
                RunPart(part);
            }
        }

        Span<Vector256<double>> sum = total.Values;
        _gradients[0].Values.CopyTo(sum);
        double errorSum = _errorSums[0];
        lossSum = _lossSums[0];
        for (int part = 1; part < Parts; part++)
        {
            Vector256<double>[] gradient = _gradients[part].Values;
            for (int c = 0; c < sum.Length; c++)
            {
                sum[c] += gradient[c];
            }

            errorSum += _errorSums[part];
            lossSum += _lossSums[part];
        }

        return errorSum;
    }

    /// <inheritdoc/>
    public void RunPart(int part)
    {
        int start = Math.Min(_start + part * _partSize, _end);
        int end = Math.Min(start + _partSize, _end);
        PackedVector gradient = _gradients[part];
        gradient.Values.AsSpan().Clear();
        _errorSums[part] = 0;
        _lossSums[part] = 0;
        if (start == end)
        {
            return;
        }

        ref double x = ref MemoryMarshal.GetReference(_x.Span);
        ref double y = ref MemoryMarshal.GetReference(_y.Span);
        ref int order = ref MemoryMarshal.GetReference(_order.Span);
        double lossSum;
        _errorSums[part] = (_order.IsEmpty, _weights.Chunks) switch
        {
            (true, 1) => SmallBatchKernel.AccumulatePart<OneChunk, StorageOrder>(ref x, ref y, ref order, start, end, _weights, _bias, gradient, _wantLoss, out lossSum),
            (true, 2) => SmallBatchKernel.AccumulatePart<TwoChunks, StorageOrder>(ref x, ref y, ref order, start, end, _weights, _bias, gradient, _wantLoss, out lossSum),
            (true, 3) => SmallBatchKernel.AccumulatePart<ThreeChunks, StorageOrder>(ref x, ref y, ref order, start, end, _weights, _bias, gradient, _wantLoss, out lossSum),
            (true, 4) => SmallBatchKernel.AccumulatePart<FourChunks, StorageOrder>(ref x, ref y, ref order, start, end, _weights, _bias, gradient, _wantLoss, out lossSum),
            (true, _) => WideBatchKernel.AccumulatePart<StorageOrder>(ref x, ref y, ref order, start, end, _weights, _bias, gradient, _wantLoss, out lossSum),
            (false, 1) => SmallBatchKernel.AccumulatePart<OneChunk, PermutedOrder>(ref x, ref y, ref order, start, end, _weights, _bias, gradient, _wantLoss, out lossSum),
            (false, 2) => SmallBatchKernel.AccumulatePart<TwoChunks, PermutedOrder>(ref x, ref y, ref order, start, end, _weights, _bias, gradient, _wantLoss, out lossSum),
            (false, 3) => SmallBatchKernel.AccumulatePart<ThreeChunks, PermutedOrder>(ref x, ref y, ref order, start, end, _weights, _bias, gradient, _wantLoss, out lossSum),
            (false, 4) => SmallBatchKernel.AccumulatePart<FourChunks, PermutedOrder>(ref x, ref y, ref order, start, end, _weights, _bias, gradient, _wantLoss, out lossSum),
            (false, _) => WideBatchKernel.AccumulatePart<PermutedOrder>(ref x, ref y, ref order, start, end, _weights, _bias, gradient, _wantLoss, out lossSum),
        };
        _lossSums[part] = lossSum;
    }
}
