using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BatchTutorial;

/// <summary>
/// Mini-batch epochs (batches of m ≥ 2 rows) for rows of 4 to 16 features. W and the gradient stay in up to four
/// vector registers, and each group of four rows is read once for z, σ, e and the gradient together.
/// </summary>
internal static class SmallBatchKernel
{
    /// <summary>
    /// Runs <paramref name="batchCount"/> batches: batch k covers positions [k·B, min((k + 1)·B, rows)). Per batch:
    /// z = x·W + b, e = σ(z) − y and g = Σ e·x over its m rows, then W −= (lr/m)·g and b −= (lr/m)·Σ e.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TChunks, TOrder, TObserved>(
        ref double x,
        ref double y,
        ref int order,
        int batchSize,
        int batchCount,
        int rows,
        PackedVector w,
        ref double b,
        double learningRate,
        EpochKernel? observer)
        where TChunks : struct, IChunkCount
        where TOrder : struct, IRowOrder
        where TObserved : struct, IObserved
    {
        int chunks = TChunks.Value;
        int d = w.Columns;

        // Row offsets of the chunks; the last chunk always starts at d − 4 (see PackedVector).
        nuint o1 = (nuint)(chunks == 2 ? d - 4 : 4);
        nuint o2 = (nuint)(chunks == 3 ? d - 4 : 8);
        nuint o3 = (nuint)(d - 4);
        Vector256<double> lastMask = w.LastMask;
        Vector256<double>[] packed = w.Values;
        Vector256<double> w0 = packed[0];
        Vector256<double> w1 = chunks >= 2 ? packed[1] : default;
        Vector256<double> w2 = chunks >= 3 ? packed[2] : default;
        Vector256<double> w3 = chunks >= 4 ? packed[3] : default;
        bool wantLoss = TObserved.Value && observer!.WantsLoss;

        for (int k = 0; k < batchCount; k++)
        {
            int start = k * batchSize;
            int end = Math.Min(start + batchSize, rows);
            Vector256<double> g0 = default, g1 = default, g2 = default, g3 = default, errorSum = default;
            Vector256<double> bias = Vector256.Create(b);
            double lossSum = 0;

            int p = start;
            for (; p + 4 <= end; p += 4)
            {
                ref double r0 = ref Unsafe.Add(ref x, (nint)TOrder.Row(ref order, p) * d);
                ref double r1 = ref Unsafe.Add(ref x, (nint)TOrder.Row(ref order, p + 1) * d);
                ref double r2 = ref Unsafe.Add(ref x, (nint)TOrder.Row(ref order, p + 2) * d);
                ref double r3 = ref Unsafe.Add(ref x, (nint)TOrder.Row(ref order, p + 3) * d);

                // Forward: z for four rows.
                Vector256<double> z = Vector256Math.Sum4(
                    Dot<TChunks>(ref r0, w0, w1, w2, w3, o1, o2, o3),
                    Dot<TChunks>(ref r1, w0, w1, w2, w3, o1, o2, o3),
                    Dot<TChunks>(ref r2, w0, w1, w2, w3, o1, o2, o3),
                    Dot<TChunks>(ref r3, w0, w1, w2, w3, o1, o2, o3)) + bias;
                Vector256<double> labels = TOrder.Labels4(ref y, ref order, p);
                Vector256<double> e = Vector256Math.Sigmoid(z) - labels;
                errorSum += e;
                if (wantLoss)
                {
                    lossSum += Vector256Math.LossSum4(z, labels);
                }

                // Backward: g += e·x for the same four rows, still in L1.
                Vector256<double> e0 = Vector256.Create(e.GetElement(0));
                Vector256<double> e1 = Vector256.Create(e.GetElement(1));
                Vector256<double> e2 = Vector256.Create(e.GetElement(2));
                Vector256<double> e3 = Vector256.Create(e.GetElement(3));
                g0 = Accumulate(g0, e0, e1, e2, e3, ref r0, ref r1, ref r2, ref r3, 0);
                if (chunks >= 2)
                {
                    g1 = Accumulate(g1, e0, e1, e2, e3, ref r0, ref r1, ref r2, ref r3, o1);
                }

                if (chunks >= 3)
                {
                    g2 = Accumulate(g2, e0, e1, e2, e3, ref r0, ref r1, ref r2, ref r3, o2);
                }

                if (chunks >= 4)
                {
                    g3 = Accumulate(g3, e0, e1, e2, e3, ref r0, ref r1, ref r2, ref r3, o3);
                }
            }

            double gb = Vector256.Sum(errorSum);
            for (; p < end; p++)
            {
                int i = TOrder.Row(ref order, p);
                ref double r = ref Unsafe.Add(ref x, (nint)i * d);
                double z = Vector256.Sum(Dot<TChunks>(ref r, w0, w1, w2, w3, o1, o2, o3)) + b;
                double label = Unsafe.Add(ref y, i);
                double e = Vector256Math.Sigmoid(Vector256.CreateScalarUnsafe(z)).ToScalar() - label;
                gb += e;
                if (wantLoss)
                {
                    lossSum += LogLoss.FromLogit(z, label);
                }

                Vector256<double> ev = Vector256.Create(e);
                g0 = Vector256.FusedMultiplyAdd(ev, Vector256.LoadUnsafe(ref r), g0);
                g1 = chunks >= 2 ? Vector256.FusedMultiplyAdd(ev, Vector256.LoadUnsafe(ref r, o1), g1) : g1;
                g2 = chunks >= 3 ? Vector256.FusedMultiplyAdd(ev, Vector256.LoadUnsafe(ref r, o2), g2) : g2;
                g3 = chunks >= 4 ? Vector256.FusedMultiplyAdd(ev, Vector256.LoadUnsafe(ref r, o3), g3) : g3;
            }

            // Update: W −= (lr/m)·g, b −= (lr/m)·Σ e; the repeated lanes of the last chunk get no gradient.
            int m = end - start;
            double scale = learningRate / m;
            Vector256<double> negativeScale = Vector256.Create(-scale);
            w0 = Vector256.FusedMultiplyAdd(negativeScale, chunks == 1 ? g0 & lastMask : g0, w0);
            w1 = chunks >= 2 ? Vector256.FusedMultiplyAdd(negativeScale, chunks == 2 ? g1 & lastMask : g1, w1) : w1;
            w2 = chunks >= 3 ? Vector256.FusedMultiplyAdd(negativeScale, chunks == 3 ? g2 & lastMask : g2, w2) : w2;
            w3 = chunks >= 4 ? Vector256.FusedMultiplyAdd(negativeScale, g3 & lastMask, w3) : w3;
            b -= scale * gb;

            if (TObserved.Value)
            {
                Store<TChunks>(packed, w0, w1, w2, w3);
                observer!.AfterUpdate(k, start, m, lossSum / m, b);
            }
        }

        Store<TChunks>(packed, w0, w1, w2, w3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Dot<TChunks>(ref double row, Vector256<double> w0, Vector256<double> w1, Vector256<double> w2, Vector256<double> w3, nuint o1, nuint o2, nuint o3)
        where TChunks : struct, IChunkCount
    {
        Vector256<double> sum = Vector256.LoadUnsafe(ref row) * w0;
        if (TChunks.Value >= 2)
        {
            sum = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, o1), w1, sum);
        }

        if (TChunks.Value >= 3)
        {
            sum = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, o2), w2, sum);
        }

        if (TChunks.Value >= 4)
        {
            sum = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, o3), w3, sum);
        }

        return sum;
    }

    /// <summary>Returns g + e0·x0 + e1·x1 + e2·x2 + e3·x3 for the chunk at <paramref name="offset"/> of four rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Accumulate(
        Vector256<double> g,
        Vector256<double> e0,
        Vector256<double> e1,
        Vector256<double> e2,
        Vector256<double> e3,
        ref double r0,
        ref double r1,
        ref double r2,
        ref double r3,
        nuint offset)
    {
        Vector256<double> even = Vector256.FusedMultiplyAdd(e0, Vector256.LoadUnsafe(ref r0, offset), g);
        Vector256<double> odd = e1 * Vector256.LoadUnsafe(ref r1, offset);
        even = Vector256.FusedMultiplyAdd(e2, Vector256.LoadUnsafe(ref r2, offset), even);
        odd = Vector256.FusedMultiplyAdd(e3, Vector256.LoadUnsafe(ref r3, offset), odd);
        return even + odd;
    }

    private static void Store<TChunks>(Vector256<double>[] packed, Vector256<double> w0, Vector256<double> w1, Vector256<double> w2, Vector256<double> w3)
        where TChunks : struct, IChunkCount
    {
        packed[0] = w0;
        if (TChunks.Value >= 2)
        {
            packed[1] = w1;
        }

        if (TChunks.Value >= 3)
        {
            packed[2] = w2;
        }

        if (TChunks.Value >= 4)
        {
            packed[3] = w3;
        }
    }
}
