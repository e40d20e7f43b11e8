using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BatchTutorial;

/// <summary>
/// Online epochs (batches of one row). Each update needs the one before, so the time per row is the latency of the
/// chain z → σ(z) → e → next z. These kernels keep that chain short.
/// </summary>
internal static class OnlineKernel
{
    /// <summary>
    /// Runs <paramref name="rows"/> updates W −= lr·e·x, b −= lr·e for rows of 4 to 16 features, W in registers.
    /// </summary>
    /// <remarks>
    /// The next row's logit is computed before this row's update is applied, from
    /// z' = x'·(W − s·x) + (b − s) = (x'·W + b) − s·(x'·x + 1) with s = lr·e = lr·σ(z) − lr·y. Both dot products x'·W
    /// and x'·x run while σ(z) is being computed, and the lr·y term joins them there, so the chain per row is e^x, one
    /// division and one multiply-add (measured about 7 % faster at d = 10 than subtracting y first). W and b get the
    /// usual update, so this changes only the rounding of z and of s, never the weights' update rule.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunSmall<TChunks, TOrder, TObserved>(
        ref double x,
        ref double y,
        ref int order,
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
        ref long expTable = ref MemoryMarshal.GetArrayDataReference(ScalarExp.TableBits);

        // The current row's chunks, with the repeated lanes of the last chunk cleared.
        int i = TOrder.Row(ref order, 0);
        ref double row = ref Unsafe.Add(ref x, (nint)i * d);
        Vector256<double> x0 = Vector256.LoadUnsafe(ref row);
        Vector256<double> x1 = chunks >= 2 ? Vector256.LoadUnsafe(ref row, o1) : default;
        Vector256<double> x2 = chunks >= 3 ? Vector256.LoadUnsafe(ref row, o2) : default;
        Vector256<double> x3 = chunks >= 4 ? Vector256.LoadUnsafe(ref row, o3) : default;
        MaskLast<TChunks>(ref x0, ref x1, ref x2, ref x3, lastMask);
        double z = Vector256.Sum(Dot<TChunks>(x0, x1, x2, x3, w0, w1, w2, w3)) + b;

        for (int p = 0; p < rows; p++)
        {
            // step = lr·e = lr·σ(z) − lr·y, with lr·σ(z) = (lr·numerator) / (1 + t), the formula of Sigmoid.Compute.
            // Keeping the two terms apart lets the next logit skip the subtraction (below): one step less in the chain
            // per row. e^x is inlined: a call to Math.Exp here makes the JIT save and reload the loop's vectors
            // around it (measured 2 % slower at d = 10, 20 % at d = 100).
            double label = Unsafe.Add(ref y, i);
            double t = ScalarExp.NonPositive(-Math.Abs(z), ref expTable);
            double numerator = Numerator(z, t);
            double scaledSigmoid = learningRate * numerator / (1.0 + t);
            double scaledLabel = learningRate * label;
            double step = scaledSigmoid - scaledLabel;
            double loss = wantLoss ? LogLoss.FromLogit(z, label) : 0;

            if (p + 1 < rows)
            {
                int next = TOrder.Row(ref order, p + 1);
                ref double nextRow = ref Unsafe.Add(ref x, (nint)next * d);
                Vector256<double> n0 = Vector256.LoadUnsafe(ref nextRow);
                Vector256<double> n1 = chunks >= 2 ? Vector256.LoadUnsafe(ref nextRow, o1) : default;
                Vector256<double> n2 = chunks >= 3 ? Vector256.LoadUnsafe(ref nextRow, o2) : default;
                Vector256<double> n3 = chunks >= 4 ? Vector256.LoadUnsafe(ref nextRow, o3) : default;
                MaskLast<TChunks>(ref n0, ref n1, ref n2, ref n3, lastMask);
                double nextLogit = Vector256.Sum(Dot<TChunks>(n0, n1, n2, n3, w0, w1, w2, w3)) + b;
                double overlap = Vector256.Sum(Dot<TChunks>(n0, n1, n2, n3, x0, x1, x2, x3)) + 1.0;

                Update<TChunks>(ref w0, ref w1, ref w2, ref w3, x0, x1, x2, x3, step);
                b -= step;

                // overlap·lr·σ(z) as (overlap·lr·numerator) / (1 + t): the product with overlap·lr is taken before the
                // division, while e^x runs, so the chain ends in one division and one addition.
                z = (nextLogit + overlap * scaledLabel) + (-overlap * learningRate * numerator) / (1.0 + t);
                i = next;
                (x0, x1, x2, x3) = (n0, n1, n2, n3);
            }
            else
            {
                Update<TChunks>(ref w0, ref w1, ref w2, ref w3, x0, x1, x2, x3, step);
                b -= step;
            }

            if (TObserved.Value)
            {
                Store<TChunks>(packed, w0, w1, w2, w3);
                observer!.AfterUpdate(p, p, 1, loss, b);
            }
        }

        Store<TChunks>(packed, w0, w1, w2, w3);
    }

    /// <summary>Runs <paramref name="rows"/> updates W −= lr·e·x, b −= lr·e for any d ≥ 4, W in memory.</summary>
    /// <remarks>
    /// The same look-ahead as <see cref="RunSmall"/>, with one more step: each row's update of W is written during the
    /// next row's pass over W. That pass reads each chunk of W once, applies the previous row's update, and computes
    /// x'·W (W without this row's update) and x'·x, while σ(z) of this row is being computed. So the chain per row is σ
    /// and one multiply-add, and W is read and written once per row instead of twice.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunWide<TOrder, TObserved>(
        ref double x,
        ref double y,
        ref int order,
        int rows,
        PackedVector w,
        ref double b,
        double learningRate,
        EpochKernel? observer)
        where TOrder : struct, IRowOrder
        where TObserved : struct, IObserved
    {
        int d = w.Columns;
        int last = w.Chunks - 1;
        nuint lastOffset = (nuint)w.LastOffset;
        Vector256<double> lastMask = w.LastMask;
        ref Vector256<double> wc = ref MemoryMarshal.GetArrayDataReference(w.Values);
        bool wantLoss = TObserved.Value && observer!.WantsLoss;
        ref long expTable = ref MemoryMarshal.GetArrayDataReference(ScalarExp.TableBits);

        int i = TOrder.Row(ref order, 0);
        ref double row = ref Unsafe.Add(ref x, (nint)i * d);

        // The update not yet written into W: −step times the row before. None before the first row.
        ref double pendingRow = ref row;
        double pendingStep = 0;
        double z = Vector256.Sum(Pass(ref wc, ref row, ref row, ref pendingRow, 0, last, lastOffset, lastMask, out _)) + b;

        for (int p = 0; p < rows; p++)
        {
            double label = Unsafe.Add(ref y, i);
            double t = ScalarExp.NonPositive(-Math.Abs(z), ref expTable);
            double scaledSigmoid = learningRate * Numerator(z, t) / (1.0 + t);
            double scaledLabel = learningRate * label;
            double step = scaledSigmoid - scaledLabel;
            double loss = wantLoss ? LogLoss.FromLogit(z, label) : 0;

            if (p + 1 < rows)
            {
                int next = TOrder.Row(ref order, p + 1);
                ref double nextRow = ref Unsafe.Add(ref x, (nint)next * d);
                double nextLogit = Vector256.Sum(Pass(ref wc, ref nextRow, ref row, ref pendingRow, pendingStep, last, lastOffset, lastMask, out Vector256<double> overlapSum)) + b;
                double overlap = Vector256.Sum(overlapSum) + 1.0;
                b -= step;
                z = (nextLogit + overlap * scaledLabel) - overlap * scaledSigmoid;
                pendingRow = ref row;
                pendingStep = step;
                i = next;
                row = ref nextRow;
            }
            else
            {
                Pass(ref wc, ref row, ref row, ref pendingRow, pendingStep, last, lastOffset, lastMask, out _);
                pendingRow = ref row;
                pendingStep = step;
                b -= step;
            }

            if (TObserved.Value)
            {
                // The observer reads W: write this row's update now, so the next pass has none to apply.
                Pass(ref wc, ref row, ref row, ref pendingRow, pendingStep, last, lastOffset, lastMask, out _);
                pendingStep = 0;
                observer!.AfterUpdate(p, p, 1, loss, b);
            }
        }

        if (!TObserved.Value)
        {
            Pass(ref wc, ref row, ref row, ref pendingRow, pendingStep, last, lastOffset, lastMask, out _);
        }
    }

    /// <summary>
    /// Applies W −= <paramref name="pendingStep"/>·<paramref name="pending"/> chunk by chunk and returns the lane sums
    /// of <paramref name="next"/>·W with the updated W. <paramref name="overlap"/> receives the lane sums of
    /// next·current. The repeated lanes of the last chunk count once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Pass(
        ref Vector256<double> w,
        ref double next,
        ref double current,
        ref double pending,
        double pendingStep,
        int last,
        nuint lastOffset,
        Vector256<double> lastMask,
        out Vector256<double> overlap)
    {
        Vector256<double> negativeStep = Vector256.Create(-pendingStep);
        Vector256<double> dot0 = default, dot1 = default, cross0 = default, cross1 = default;
        int c = 0;
        for (; c + 1 < last; c += 2)
        {
            nuint offset = (nuint)(4 * c);
            Vector256<double> w0 = Vector256.FusedMultiplyAdd(negativeStep, Vector256.LoadUnsafe(ref pending, offset), Unsafe.Add(ref w, c));
            Vector256<double> w1 = Vector256.FusedMultiplyAdd(negativeStep, Vector256.LoadUnsafe(ref pending, offset + 4), Unsafe.Add(ref w, c + 1));
            Unsafe.Add(ref w, c) = w0;
            Unsafe.Add(ref w, c + 1) = w1;
            Vector256<double> n0 = Vector256.LoadUnsafe(ref next, offset);
            Vector256<double> n1 = Vector256.LoadUnsafe(ref next, offset + 4);
            dot0 = Vector256.FusedMultiplyAdd(n0, w0, dot0);
            dot1 = Vector256.FusedMultiplyAdd(n1, w1, dot1);
            cross0 = Vector256.FusedMultiplyAdd(n0, Vector256.LoadUnsafe(ref current, offset), cross0);
            cross1 = Vector256.FusedMultiplyAdd(n1, Vector256.LoadUnsafe(ref current, offset + 4), cross1);
        }

        for (; c < last; c++)
        {
            nuint offset = (nuint)(4 * c);
            Vector256<double> wc = Vector256.FusedMultiplyAdd(negativeStep, Vector256.LoadUnsafe(ref pending, offset), Unsafe.Add(ref w, c));
            Unsafe.Add(ref w, c) = wc;
            Vector256<double> n = Vector256.LoadUnsafe(ref next, offset);
            dot0 = Vector256.FusedMultiplyAdd(n, wc, dot0);
            cross0 = Vector256.FusedMultiplyAdd(n, Vector256.LoadUnsafe(ref current, offset), cross0);
        }

        // The repeated lanes of W's last chunk contain 0 and stay 0. The next row's repeated lanes are masked only
        // for x'·x.
        Vector256<double> wl = Vector256.FusedMultiplyAdd(negativeStep, Vector256.LoadUnsafe(ref pending, lastOffset) & lastMask, Unsafe.Add(ref w, last));
        Unsafe.Add(ref w, last) = wl;
        Vector256<double> nl = Vector256.LoadUnsafe(ref next, lastOffset);
        dot1 = Vector256.FusedMultiplyAdd(nl, wl, dot1);
        cross1 = Vector256.FusedMultiplyAdd(nl & lastMask, Vector256.LoadUnsafe(ref current, lastOffset), cross1);
        overlap = cross0 + cross1;
        return dot0 + dot1;
    }

    /// <summary>Returns 1 for z ≥ 0 and t = e^(−|z|) for z &lt; 0, the numerator of σ(z) = numerator / (1 + t).</summary>
    /// <remarks>A vector blend instead of a branch, because the sign of z is unpredictable while the model is still poor.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Numerator(double z, double t)
    {
        Vector128<double> nonNegative = Vector128.GreaterThanOrEqual(Vector128.CreateScalarUnsafe(z), Vector128<double>.Zero);
        return Vector128.ConditionalSelect(nonNegative, Vector128<double>.One, Vector128.CreateScalarUnsafe(t)).ToScalar();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Dot<TChunks>(
        Vector256<double> a0, Vector256<double> a1, Vector256<double> a2, Vector256<double> a3,
        Vector256<double> b0, Vector256<double> b1, Vector256<double> b2, Vector256<double> b3)
        where TChunks : struct, IChunkCount
    {
        Vector256<double> sum = a0 * b0;
        if (TChunks.Value >= 2)
        {
            sum = Vector256.FusedMultiplyAdd(a1, b1, sum);
        }

        if (TChunks.Value >= 3)
        {
            sum = Vector256.FusedMultiplyAdd(a2, b2, sum);
        }

        if (TChunks.Value >= 4)
        {
            sum = Vector256.FusedMultiplyAdd(a3, b3, sum);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MaskLast<TChunks>(ref Vector256<double> c0, ref Vector256<double> c1, ref Vector256<double> c2, ref Vector256<double> c3, Vector256<double> mask)
        where TChunks : struct, IChunkCount
    {
        switch (TChunks.Value)
        {
            case 1: c0 &= mask; break;
            case 2: c1 &= mask; break;
            case 3: c2 &= mask; break;
            default: c3 &= mask; break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update<TChunks>(
        ref Vector256<double> w0, ref Vector256<double> w1, ref Vector256<double> w2, ref Vector256<double> w3,
        Vector256<double> x0, Vector256<double> x1, Vector256<double> x2, Vector256<double> x3,
        double step)
        where TChunks : struct, IChunkCount
    {
        Vector256<double> negativeStep = Vector256.Create(-step);
        w0 = Vector256.FusedMultiplyAdd(negativeStep, x0, w0);
        if (TChunks.Value >= 2)
        {
            w1 = Vector256.FusedMultiplyAdd(negativeStep, x1, w1);
        }

        if (TChunks.Value >= 3)
        {
            w2 = Vector256.FusedMultiplyAdd(negativeStep, x2, w2);
        }

        if (TChunks.Value >= 4)
        {
            w3 = Vector256.FusedMultiplyAdd(negativeStep, x3, w3);
        }
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
