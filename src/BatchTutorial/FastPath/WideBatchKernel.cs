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
    /// <summary>The most rows in one block of <see cref="Accumulate"/>.</summary>
    private const int MaxBlockRows = 64;

    /// <summary>Returns the rows of one block for rows of <paramref name="d"/> values: about 8 KB, and a multiple of 4.</summary>
    /// <remarks>
    /// Chosen on a noisy machine: at d = 100, B = 32 blocks of 8 rows measured about 3.2 ms per epoch at best and blocks of
    /// 20 rows 3.5 ms; blocks of 40 rows were clearly slower (4.6 ms).
    /// </remarks>
    private static int BlockRows(int d) => Math.Clamp(1024 / d, 4, MaxBlockRows) & ~3;

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

    /// <summary>
    /// Adds Σ e·x over positions [<paramref name="start"/>, <paramref name="end"/>) at the W and b given to
    /// <paramref name="gradient"/> (unmasked) and returns Σ e; also one thread's part of a large batch.
    /// </summary>
    /// <remarks>
    /// The rows are taken a block at a time in three passes, as in <see cref="SmallBatchKernel"/>. The method is a call
    /// per batch (its block buffer is on the stack), so it needs AggressiveOptimization: at tier 0 a call per short batch
    /// never reaches on-stack replacement and, in a notebook kernel, was never promoted.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        double errorSum = 0;
        Vector256<double> bias = Vector256.Create(b);
        lossSum = 0;
        int blockRows = BlockRows(d);
        Span<double> scratch = stackalloc double[MaxBlockRows];
        ref double errors = ref MemoryMarshal.GetReference(scratch);

        for (int blockStart = start; blockStart < end; blockStart += blockRows)
        {
            int count = Math.Min(blockRows, end - blockStart);
            int whole = count & ~3;

            // Pass 1: z = x·W + b for every row of the block, each row read front to back. Rows through a permutation
            // and their labels are asked for RowGather.LookAhead positions ahead (rows in order need no hint).
            for (int q = 0; q < whole; q += 4)
            {
                int p = blockStart + q;
                if (p + RowGather.LookAhead + 4 <= end)
                {
                    TOrder.Prefetch(ref x, ref y, ref order, p + RowGather.LookAhead, 4, d);
                }

                Vector256<double> z = Vector256Math.Sum4(
                    Dot(ref RowOrder.Row<TOrder>(ref x, ref order, p, d), ref wc, last, lastOffset),
                    Dot(ref RowOrder.Row<TOrder>(ref x, ref order, p + 1, d), ref wc, last, lastOffset),
                    Dot(ref RowOrder.Row<TOrder>(ref x, ref order, p + 2, d), ref wc, last, lastOffset),
                    Dot(ref RowOrder.Row<TOrder>(ref x, ref order, p + 3, d), ref wc, last, lastOffset)) + bias;
                z.StoreUnsafe(ref errors, (nuint)q);
            }

            for (int q = whole; q < count; q++)
            {
                Unsafe.Add(ref errors, q) = Vector256.Sum(Dot(ref RowOrder.Row<TOrder>(ref x, ref order, blockStart + q, d), ref wc, last, lastOffset)) + b;
            }

            // Pass 2: e = σ(z) − y, stored over z.
            errorSum += BlockErrors.Compute<TOrder>(ref errors, ref y, ref order, blockStart, count, wantLoss, ref lossSum);

            // Pass 3: g += e·x for eight rows at a time (then four), one load and one store of g per chunk. Eight rows
            // measured about 5 % faster than four at d = 100, B = 32.
            int q8 = 0;
            for (; q8 + 8 <= whole; q8 += 8)
            {
                int p = blockStart + q8;
                ref double r0 = ref RowOrder.Row<TOrder>(ref x, ref order, p, d);
                ref double r1 = ref RowOrder.Row<TOrder>(ref x, ref order, p + 1, d);
                ref double r2 = ref RowOrder.Row<TOrder>(ref x, ref order, p + 2, d);
                ref double r3 = ref RowOrder.Row<TOrder>(ref x, ref order, p + 3, d);
                ref double r4 = ref RowOrder.Row<TOrder>(ref x, ref order, p + 4, d);
                ref double r5 = ref RowOrder.Row<TOrder>(ref x, ref order, p + 5, d);
                ref double r6 = ref RowOrder.Row<TOrder>(ref x, ref order, p + 6, d);
                ref double r7 = ref RowOrder.Row<TOrder>(ref x, ref order, p + 7, d);
                Vector256<double> e0 = Vector256.Create(Unsafe.Add(ref errors, q8));
                Vector256<double> e1 = Vector256.Create(Unsafe.Add(ref errors, q8 + 1));
                Vector256<double> e2 = Vector256.Create(Unsafe.Add(ref errors, q8 + 2));
                Vector256<double> e3 = Vector256.Create(Unsafe.Add(ref errors, q8 + 3));
                Vector256<double> e4 = Vector256.Create(Unsafe.Add(ref errors, q8 + 4));
                Vector256<double> e5 = Vector256.Create(Unsafe.Add(ref errors, q8 + 5));
                Vector256<double> e6 = Vector256.Create(Unsafe.Add(ref errors, q8 + 6));
                Vector256<double> e7 = Vector256.Create(Unsafe.Add(ref errors, q8 + 7));
                for (int c = 0; c <= last; c++)
                {
                    nuint offset = c == last ? lastOffset : (nuint)(4 * c);
                    Vector256<double> g = SmallBatchKernel.AccumulateChunk(Unsafe.Add(ref gc, c), e0, e1, e2, e3, ref r0, ref r1, ref r2, ref r3, offset);
                    Unsafe.Add(ref gc, c) = SmallBatchKernel.AccumulateChunk(g, e4, e5, e6, e7, ref r4, ref r5, ref r6, ref r7, offset);
                }
            }

            for (; q8 < whole; q8 += 4)
            {
                int p = blockStart + q8;
                ref double r0 = ref RowOrder.Row<TOrder>(ref x, ref order, p, d);
                ref double r1 = ref RowOrder.Row<TOrder>(ref x, ref order, p + 1, d);
                ref double r2 = ref RowOrder.Row<TOrder>(ref x, ref order, p + 2, d);
                ref double r3 = ref RowOrder.Row<TOrder>(ref x, ref order, p + 3, d);
                Vector256<double> e0 = Vector256.Create(Unsafe.Add(ref errors, q8));
                Vector256<double> e1 = Vector256.Create(Unsafe.Add(ref errors, q8 + 1));
                Vector256<double> e2 = Vector256.Create(Unsafe.Add(ref errors, q8 + 2));
                Vector256<double> e3 = Vector256.Create(Unsafe.Add(ref errors, q8 + 3));
                for (int c = 0; c <= last; c++)
                {
                    nuint offset = c == last ? lastOffset : (nuint)(4 * c);
                    Unsafe.Add(ref gc, c) = SmallBatchKernel.AccumulateChunk(Unsafe.Add(ref gc, c), e0, e1, e2, e3, ref r0, ref r1, ref r2, ref r3, offset);
                }
            }

            for (int q = whole; q < count; q++)
            {
                ref double r = ref RowOrder.Row<TOrder>(ref x, ref order, blockStart + q, d);
                Vector256<double> ev = Vector256.Create(Unsafe.Add(ref errors, q));
                for (int c = 0; c < last; c++)
                {
                    Unsafe.Add(ref gc, c) = Vector256.FusedMultiplyAdd(ev, Vector256.LoadUnsafe(ref r, (nuint)(4 * c)), Unsafe.Add(ref gc, c));
                }

                Unsafe.Add(ref gc, last) = Vector256.FusedMultiplyAdd(ev, Vector256.LoadUnsafe(ref r, lastOffset), Unsafe.Add(ref gc, last));
            }
        }

        return errorSum;
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
