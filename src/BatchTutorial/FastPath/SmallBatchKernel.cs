using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BatchTutorial;

/// <summary>
/// Mini-batch epochs (batches of m ≥ 2 rows) for rows of 4 to 16 features. W and the gradient stay in up to four
/// vector registers, and each group of four rows is read once for z, σ, e and the gradient together.
/// </summary>
internal static class SmallBatchKernel
{
    /// <summary>The rows of one block of <see cref="Accumulate"/>: at most 32 × 16 values, 4 KB, so a block stays in L1.</summary>
    /// <remarks>At d = 10, B = 1024 blocks of 32 rows measured 3.5 ms per epoch, of 64 rows 3.8 ms and of 16 rows 3.7 ms.</remarks>
    public const int BlockRows = 32;

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
        var layout = new ChunkLayout<TChunks>(w);
        Vector256<double>[] packed = w.Values;
        Vector256<double> w0 = packed[0];
        Vector256<double> w1 = TChunks.Value >= 2 ? packed[1] : default;
        Vector256<double> w2 = TChunks.Value >= 3 ? packed[2] : default;
        Vector256<double> w3 = TChunks.Value >= 4 ? packed[3] : default;
        bool wantLoss = TObserved.Value && observer!.WantsLoss;
        Span<double> scratch = stackalloc double[BlockRows];
        ref double errors = ref MemoryMarshal.GetReference(scratch);

        for (int k = 0; k < batchCount; k++)
        {
            int start = k * batchSize;
            int end = Math.Min(start + batchSize, rows);
            Vector256<double> g0 = default, g1 = default, g2 = default, g3 = default;
            double gb = Accumulate<TChunks, TOrder>(ref x, ref y, ref order, start, end, layout, b, w0, w1, w2, w3, ref g0, ref g1, ref g2, ref g3, wantLoss, out double lossSum, ref errors);

            // Update: W −= (lr/m)·g, b −= (lr/m)·Σ e; the repeated lanes of the last chunk get no gradient.
            int m = end - start;
            double scale = learningRate / m;
            Vector256<double> negativeScale = Vector256.Create(-scale);
            layout.MaskLast(ref g0, ref g1, ref g2, ref g3);
            w0 = Vector256.FusedMultiplyAdd(negativeScale, g0, w0);
            w1 = TChunks.Value >= 2 ? Vector256.FusedMultiplyAdd(negativeScale, g1, w1) : w1;
            w2 = TChunks.Value >= 3 ? Vector256.FusedMultiplyAdd(negativeScale, g2, w2) : w2;
            w3 = TChunks.Value >= 4 ? Vector256.FusedMultiplyAdd(negativeScale, g3, w3) : w3;
            b -= scale * gb;

            if (TObserved.Value)
            {
                ChunkLayout<TChunks>.Store(packed, w0, w1, w2, w3);
                observer!.AfterUpdate(k, start, m, lossSum / m, b);
            }
        }

        ChunkLayout<TChunks>.Store(packed, w0, w1, w2, w3);
    }

    /// <summary>
    /// Computes the gradient sums of positions [<paramref name="start"/>, <paramref name="end"/>) at the W and b of
    /// <paramref name="w"/> into <paramref name="gradient"/> (unmasked), for one thread's part of a large batch.
    /// </summary>
    /// <returns>Σ e over the part; <paramref name="lossSum"/> receives Σ loss when <paramref name="wantLoss"/> is set.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double AccumulatePart<TChunks, TOrder>(
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
        where TChunks : struct, IChunkCount
        where TOrder : struct, IRowOrder
    {
        var layout = new ChunkLayout<TChunks>(w);
        Vector256<double>[] packed = w.Values;
        Vector256<double> g0 = default, g1 = default, g2 = default, g3 = default;
        Span<double> scratch = stackalloc double[BlockRows];
        double gb = Accumulate<TChunks, TOrder>(
            ref x, ref y, ref order, start, end, layout, b,
            packed[0],
            TChunks.Value >= 2 ? packed[1] : default,
            TChunks.Value >= 3 ? packed[2] : default,
            TChunks.Value >= 4 ? packed[3] : default,
            ref g0, ref g1, ref g2, ref g3, wantLoss, out lossSum, ref MemoryMarshal.GetReference(scratch));
        ChunkLayout<TChunks>.Store(gradient.Values, g0, g1, g2, g3);
        return gb;
    }

    /// <summary>
    /// Adds Σ e·x over positions [start, end) to g0 … g3 and returns Σ e, a block of at most <see cref="BlockRows"/>
    /// rows at a time, in three passes over the block: every z, then every e = σ(z) − y, then the gradient.
    /// </summary>
    /// <remarks>
    /// Each pass is a loop whose iterations do not wait on each other, so the processor overlaps many of them. Fused
    /// into one pass per group of four rows, each group waited about 100 cycles from its loads through σ to its
    /// gradient, more than the reorder window covers: in the cache that ran at about 11 cycles a row. The block
    /// (at most 4 KB) stays in L1 between the passes, so X still comes from memory once.
    /// </remarks>
    // The JIT may decline to inline this large body. The out-of-line copy then needs AggressiveOptimization, because at
    // tier 0 a call per short batch never reaches on-stack replacement and, in a notebook kernel, was never promoted.
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Accumulate<TChunks, TOrder>(
        ref double x,
        ref double y,
        ref int order,
        int start,
        int end,
        ChunkLayout<TChunks> layout,
        double b,
        Vector256<double> w0,
        Vector256<double> w1,
        Vector256<double> w2,
        Vector256<double> w3,
        ref Vector256<double> g0,
        ref Vector256<double> g1,
        ref Vector256<double> g2,
        ref Vector256<double> g3,
        bool wantLoss,
        out double lossSum,
        ref double errors)
        where TChunks : struct, IChunkCount
        where TOrder : struct, IRowOrder
    {
        int d = layout.Columns;
        Vector256<double> bias = Vector256.Create(b);
        double errorSum = 0;
        lossSum = 0;

        for (int blockStart = start; blockStart < end; blockStart += BlockRows)
        {
            int count = Math.Min(BlockRows, end - blockStart);
            int whole = count & ~3;

            // Pass 1: z = x·W + b for every row of the block. Rows through a permutation and their labels
            // are asked for RowGather.LookAhead positions ahead (rows in order need no hint).
            for (int q = 0; q < whole; q += 4)
            {
                int p = blockStart + q;
                if (p + RowGather.LookAhead + 4 <= end)
                {
                    TOrder.Prefetch(ref x, ref y, ref order, p + RowGather.LookAhead, 4, d);
                }

                Vector256<double> z = Vector256Math.Sum4(
                    layout.Dot(ref RowOrder.Row<TOrder>(ref x, ref order, p, d), w0, w1, w2, w3),
                    layout.Dot(ref RowOrder.Row<TOrder>(ref x, ref order, p + 1, d), w0, w1, w2, w3),
                    layout.Dot(ref RowOrder.Row<TOrder>(ref x, ref order, p + 2, d), w0, w1, w2, w3),
                    layout.Dot(ref RowOrder.Row<TOrder>(ref x, ref order, p + 3, d), w0, w1, w2, w3)) + bias;
                z.StoreUnsafe(ref errors, (nuint)q);
            }

            for (int q = whole; q < count; q++)
            {
                Unsafe.Add(ref errors, q) = Vector256.Sum(layout.Dot(ref RowOrder.Row<TOrder>(ref x, ref order, blockStart + q, d), w0, w1, w2, w3)) + b;
            }

            // Pass 2: e = σ(z) − y, stored over z.
            errorSum += BlockErrors.Compute<TOrder>(ref errors, ref y, ref order, blockStart, count, wantLoss, ref lossSum);

            // Pass 3: g += e·x, four rows at a time. Each e is broadcast straight from memory.
            for (int q = 0; q < whole; q += 4)
            {
                int p = blockStart + q;
                ref double r0 = ref RowOrder.Row<TOrder>(ref x, ref order, p, d);
                ref double r1 = ref RowOrder.Row<TOrder>(ref x, ref order, p + 1, d);
                ref double r2 = ref RowOrder.Row<TOrder>(ref x, ref order, p + 2, d);
                ref double r3 = ref RowOrder.Row<TOrder>(ref x, ref order, p + 3, d);
                Vector256<double> e0 = Vector256.Create(Unsafe.Add(ref errors, q));
                Vector256<double> e1 = Vector256.Create(Unsafe.Add(ref errors, q + 1));
                Vector256<double> e2 = Vector256.Create(Unsafe.Add(ref errors, q + 2));
                Vector256<double> e3 = Vector256.Create(Unsafe.Add(ref errors, q + 3));
                g0 = AccumulateChunk(g0, e0, e1, e2, e3, ref r0, ref r1, ref r2, ref r3, 0);
                if (TChunks.Value >= 2)
                {
                    g1 = AccumulateChunk(g1, e0, e1, e2, e3, ref r0, ref r1, ref r2, ref r3, layout.Offset1);
                }

                if (TChunks.Value >= 3)
                {
                    g2 = AccumulateChunk(g2, e0, e1, e2, e3, ref r0, ref r1, ref r2, ref r3, layout.Offset2);
                }

                if (TChunks.Value >= 4)
                {
                    g3 = AccumulateChunk(g3, e0, e1, e2, e3, ref r0, ref r1, ref r2, ref r3, layout.Offset3);
                }
            }

            for (int q = whole; q < count; q++)
            {
                ref double r = ref RowOrder.Row<TOrder>(ref x, ref order, blockStart + q, d);
                Vector256<double> ev = Vector256.Create(Unsafe.Add(ref errors, q));
                g0 = Vector256.FusedMultiplyAdd(ev, Vector256.LoadUnsafe(ref r), g0);
                g1 = TChunks.Value >= 2 ? Vector256.FusedMultiplyAdd(ev, Vector256.LoadUnsafe(ref r, layout.Offset1), g1) : g1;
                g2 = TChunks.Value >= 3 ? Vector256.FusedMultiplyAdd(ev, Vector256.LoadUnsafe(ref r, layout.Offset2), g2) : g2;
                g3 = TChunks.Value >= 4 ? Vector256.FusedMultiplyAdd(ev, Vector256.LoadUnsafe(ref r, layout.Offset3), g3) : g3;
            }
        }

        return errorSum;
    }

    /// <summary>Returns (g + e0·x0 + e2·x2) + (e1·x1 + e3·x3) for the chunk at <paramref name="offset"/> of four rows.</summary>
    /// <remarks>
    /// Two multiply-add chains of two steps each: five vector operations per chunk. Summing the products apart from g
    /// first shortens the chain that carries g between groups but takes six, and measured 2 % slower at d = 10.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> AccumulateChunk(
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
}

/// <summary>
/// The row offsets and last-chunk mask of a <see cref="PackedVector"/> of 1 to 4 chunks, for code that keeps the chunks
/// in registers. The last chunk always starts at d − 4.
/// </summary>
internal readonly struct ChunkLayout<TChunks>
    where TChunks : struct, IChunkCount
{
    public ChunkLayout(PackedVector vector)
    {
        Columns = vector.Columns;
        Offset1 = (nuint)(TChunks.Value == 2 ? Columns - 4 : 4);
        Offset2 = (nuint)(TChunks.Value == 3 ? Columns - 4 : 8);
        Offset3 = (nuint)(Columns - 4);
        LastMask = vector.LastMask;
    }

    public int Columns { get; }

    public nuint Offset1 { get; }

    public nuint Offset2 { get; }

    public nuint Offset3 { get; }

    public Vector256<double> LastMask { get; }

    /// <summary>Returns the lane sums of row·W, W given as chunks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Dot(ref double row, Vector256<double> w0, Vector256<double> w1, Vector256<double> w2, Vector256<double> w3)
    {
        Vector256<double> sum = Vector256.LoadUnsafe(ref row) * w0;
        if (TChunks.Value >= 2)
        {
            sum = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, Offset1), w1, sum);
        }

        if (TChunks.Value >= 3)
        {
            sum = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, Offset2), w2, sum);
        }

        if (TChunks.Value >= 4)
        {
            sum = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, Offset3), w3, sum);
        }

        return sum;
    }

    /// <summary>Clears the repeated lanes of the last chunk.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MaskLast(ref Vector256<double> c0, ref Vector256<double> c1, ref Vector256<double> c2, ref Vector256<double> c3)
    {
        switch (TChunks.Value)
        {
            case 1: c0 &= LastMask; break;
            case 2: c1 &= LastMask; break;
            case 3: c2 &= LastMask; break;
            default: c3 &= LastMask; break;
        }
    }

    /// <summary>Writes the chunks that exist into <paramref name="packed"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<double>[] packed, Vector256<double> c0, Vector256<double> c1, Vector256<double> c2, Vector256<double> c3)
    {
        packed[0] = c0;
        if (TChunks.Value >= 2)
        {
            packed[1] = c1;
        }

        if (TChunks.Value >= 3)
        {
            packed[2] = c2;
        }

        if (TChunks.Value >= 4)
        {
            packed[3] = c3;
        }
    }
}
