using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BatchTutorial;

/// <summary>
/// Mini-batch epochs (batches of m ≥ 2 rows) for rows of more than 16 features: W and the gradient live in
/// <see cref="PackedVector"/> chunks, and each group of four rows is read once for z, σ, e and the gradient together.
/// </summary>
internal static class WideBatchKernel
{
    /// <summary>Runs batches exactly as <see cref="SmallBatchKernel.Run{TChunks, TOrder, TObserved}"/> does, for any d ≥ 4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TOrder, TObserved>(
        ref double x,
        ref double y,
        ref int order,
        int batchSize,
        int batchCount,
        int rows,
        PackedVector w,
        PackedVector gradient,
        ref double b,
        double learningRate,
        EpochKernel? observer)
        where TOrder : struct, IRowOrder
        where TObserved : struct, IObserved
    {
        int last = w.Chunks - 1;
        ref Vector256<double> wc = ref MemoryMarshal.GetArrayDataReference(w.Values);
        ref Vector256<double> gc = ref MemoryMarshal.GetArrayDataReference(gradient.Values);
        bool wantLoss = TObserved.Value && observer!.WantsLoss;

        for (int k = 0; k < batchCount; k++)
        {
            int start = k * batchSize;
            int end = Math.Min(start + batchSize, rows);
            gradient.Values.AsSpan().Clear();
            double gb = Accumulate<TOrder>(ref x, ref y, ref order, start, end, w, b, gradient, wantLoss, out double lossSum);

            // Update: W −= (lr/m)·g, b −= (lr/m)·Σ e; the repeated lanes of the last chunk get no gradient.
            int m = end - start;
            double scale = learningRate / m;
            Vector256<double> negativeScale = Vector256.Create(-scale);
            for (int c = 0; c < last; c++)
            {
                Unsafe.Add(ref wc, c) = Vector256.FusedMultiplyAdd(negativeScale, Unsafe.Add(ref gc, c), Unsafe.Add(ref wc, c));
            }

            Unsafe.Add(ref wc, last) = Vector256.FusedMultiplyAdd(negativeScale, Unsafe.Add(ref gc, last) & w.LastMask, Unsafe.Add(ref wc, last));
            b -= scale * gb;

            if (TObserved.Value)
            {
                observer!.AfterUpdate(k, start, m, lossSum / m, b);
            }
        }
    }

    /// <summary>Computes one thread's part of a large batch: <see cref="Accumulate"/> as a call the JIT compiles on its own.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double AccumulatePart<TOrder>(
        ref double x,
        ref double y,
        ref int order,
        int start,
        int end,
        PackedVector w,
        double b,
        PackedVector gradient,
        bool wantLoss,
        out double lossSum)
        where TOrder : struct, IRowOrder =>
        Accumulate<TOrder>(ref x, ref y, ref order, start, end, w, b, gradient, wantLoss, out lossSum);

    /// <summary>
    /// Adds Σ e·x over positions [<paramref name="start"/>, <paramref name="end"/>) at the W and b given to
    /// <paramref name="gradient"/> (unmasked) and returns Σ e; also one thread's part of a large batch.
    /// </summary>
    // The JIT may decline to inline this large body. The out-of-line copy then needs AggressiveOptimization, because at
    // tier 0 a call per short batch never reaches on-stack replacement and, in a notebook kernel, was never promoted.
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static double Accumulate<TOrder>(
        ref double x,
        ref double y,
        ref int order,
        int start,
        int end,
        PackedVector w,
        double b,
        PackedVector gradient,
        bool wantLoss,
        out double lossSum)
        where TOrder : struct, IRowOrder
    {
        int d = w.Columns;
        int last = w.Chunks - 1;
        nuint lastOffset = (nuint)w.LastOffset;
        ref Vector256<double> wc = ref MemoryMarshal.GetArrayDataReference(w.Values);
        ref Vector256<double> gc = ref MemoryMarshal.GetArrayDataReference(gradient.Values);
        Vector256<double> errorSum = default;
        Vector256<double> bias = Vector256.Create(b);
        lossSum = 0;

        int p = start;
        for (; p + 4 <= end; p += 4)
        {
            ref double r0 = ref Unsafe.Add(ref x, (nint)TOrder.Row(ref order, p) * d);
            ref double r1 = ref Unsafe.Add(ref x, (nint)TOrder.Row(ref order, p + 1) * d);
            ref double r2 = ref Unsafe.Add(ref x, (nint)TOrder.Row(ref order, p + 2) * d);
            ref double r3 = ref Unsafe.Add(ref x, (nint)TOrder.Row(ref order, p + 3) * d);

            // Forward: z for four rows, each row read front to back so the hardware prefetcher detects four
            // sequential streams (interleaving the rows chunk by chunk measured 3× slower at d = 100).
            Vector256<double> z = Vector256Math.Sum4(
                Dot(ref r0, ref wc, last, lastOffset),
                Dot(ref r1, ref wc, last, lastOffset),
                Dot(ref r2, ref wc, last, lastOffset),
                Dot(ref r3, ref wc, last, lastOffset)) + bias;

            Vector256<double> labels = TOrder.Labels4(ref y, ref order, p);
            Vector256<double> e = Vector256Math.Sigmoid(z) - labels;
            errorSum += e;
            if (wantLoss)
            {
                lossSum += Vector256Math.LossSum4(z, labels);
            }

            // Backward: g += e·x for the same four rows, one load and one store of g per chunk.
            Vector256<double> e0 = Vector256Math.Broadcast(e, 0);
            Vector256<double> e1 = Vector256Math.Broadcast(e, 1);
            Vector256<double> e2 = Vector256Math.Broadcast(e, 2);
            Vector256<double> e3 = Vector256Math.Broadcast(e, 3);
            for (int c = 0; c < last; c++)
            {
                nuint offset = (nuint)(4 * c);
                Vector256<double> even = Vector256.FusedMultiplyAdd(e0, Vector256.LoadUnsafe(ref r0, offset), Unsafe.Add(ref gc, c));
                Vector256<double> odd = e1 * Vector256.LoadUnsafe(ref r1, offset);
                even = Vector256.FusedMultiplyAdd(e2, Vector256.LoadUnsafe(ref r2, offset), even);
                odd = Vector256.FusedMultiplyAdd(e3, Vector256.LoadUnsafe(ref r3, offset), odd);
                Unsafe.Add(ref gc, c) = even + odd;
            }

            Vector256<double> lastEven = Vector256.FusedMultiplyAdd(e0, Vector256.LoadUnsafe(ref r0, lastOffset), Unsafe.Add(ref gc, last));
            Vector256<double> lastOdd = e1 * Vector256.LoadUnsafe(ref r1, lastOffset);
            lastEven = Vector256.FusedMultiplyAdd(e2, Vector256.LoadUnsafe(ref r2, lastOffset), lastEven);
            lastOdd = Vector256.FusedMultiplyAdd(e3, Vector256.LoadUnsafe(ref r3, lastOffset), lastOdd);
            Unsafe.Add(ref gc, last) = lastEven + lastOdd;
        }

        double gb = Vector256.Sum(errorSum);
        for (; p < end; p++)
        {
            int i = TOrder.Row(ref order, p);
            ref double r = ref Unsafe.Add(ref x, (nint)i * d);
            Vector256<double> sum = Dot(ref r, ref wc, last, lastOffset);
            double z = Vector256.Sum(sum) + b;
            double label = Unsafe.Add(ref y, i);
            double e = Vector256Math.Sigmoid(Vector256.CreateScalarUnsafe(z)).ToScalar() - label;
            gb += e;
            if (wantLoss)
            {
                lossSum += LogLoss.FromLogit(z, label);
            }

            Vector256<double> ev = Vector256.Create(e);
            for (int c = 0; c < last; c++)
            {
                Unsafe.Add(ref gc, c) = Vector256.FusedMultiplyAdd(ev, Vector256.LoadUnsafe(ref r, (nuint)(4 * c)), Unsafe.Add(ref gc, c));
            }

            Unsafe.Add(ref gc, last) = Vector256.FusedMultiplyAdd(ev, Vector256.LoadUnsafe(ref r, lastOffset), Unsafe.Add(ref gc, last));
        }

        return gb;
    }

    /// <summary>Returns the lane sums of x·W for one row: two accumulators, even and odd chunks, so their FMA chains overlap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Dot(ref double row, ref Vector256<double> w, int last, nuint lastOffset)
    {
        Vector256<double> even = default, odd = default;
        int c = 0;
        for (; c + 1 < last; c += 2)
        {
            nuint offset = (nuint)(4 * c);
            even = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, offset), Unsafe.Add(ref w, c), even);
            odd = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, offset + 4), Unsafe.Add(ref w, c + 1), odd);
        }

        if (c < last)
        {
            even = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, (nuint)(4 * c)), Unsafe.Add(ref w, c), even);
        }

        odd = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, lastOffset), Unsafe.Add(ref w, last), odd);
        return even + odd;
    }
}
