using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BatchTutorial;

/// <summary>The exponential, the sigmoid and a 4-way horizontal sum on 256-bit vectors, inlined into the kernels.</summary>
/// <remarks>
/// The runtime's <see cref="Vector256.Exp(Vector256{double})"/> is a call that the JIT does not inline, and the call
/// spills every vector register of the kernel loop, so the kernels use this inlined form.
/// </remarks>
internal static class Vector256Math
{
    // 1.5·2^52: adding it to a double of magnitude below 2^51 rounds that double to an integer kept in the low bits.
    private const double RoundingShifter = 6755399441055744.0;
    private const double Log2E = 1.4426950408889634;

    // ln 2 split so that k·Ln2High is exact for |k| < 2^20 (the split of fdlibm's exp).
    private const double Ln2High = 6.93147180369123816490e-01;
    private const double Ln2Low = 1.90821492927058770002e-10;

    // 2^−64: the scale 2^k is built as 2^(k + 64) · 2^−64, so it stays a normal number for k down to −1086.
    private const double TwoToMinus64 = 5.421010862427522e-20;

    /// <summary>Returns e^x for every lane x ≤ 0; lanes below −746 give 0, as e^x underflows there.</summary>
    /// <remarks>
    /// e^x = 2^k · e^r with k = round(x / ln 2) and |r| ≤ ln 2 / 2; e^r is its Taylor polynomial of degree 12 (truncation
    /// error below 2e-16 relative). Measured against <see cref="Math.Exp"/> on [−745, 0]: at most 2 units in the last place.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ExpNonPositive(Vector256<double> x)
    {
        x = Vector256.MaxNative(x, Vector256.Create(-746.0));
        Vector256<double> shifted = Vector256.FusedMultiplyAdd(x, Vector256.Create(Log2E), Vector256.Create(RoundingShifter));
        Vector256<long> k = shifted.AsInt64() - Vector256.Create(RoundingShifter).AsInt64();
        Vector256<double> kd = shifted - Vector256.Create(RoundingShifter);
        Vector256<double> r = Vector256.FusedMultiplyAdd(kd, Vector256.Create(-Ln2High), x);
        r = Vector256.FusedMultiplyAdd(kd, Vector256.Create(-Ln2Low), r);

        // e^r = 1 + (r + r²·h(r)), h(r) = 1/2! + r/3! + … + r^10/12!. h is evaluated by Estrin's scheme: four levels of
        // multiply-adds instead of ten, so the kernels can overlap several groups of rows. 1 and r are added last, so
        // their rounding does not swallow the low bits of the smaller terms.
        Vector256<double> r2 = r * r;
        Vector256<double> r4 = r2 * r2;
        Vector256<double> r8 = r4 * r4;
        Vector256<double> a0 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 6), Vector256.Create(0.5));
        Vector256<double> a1 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 120), Vector256.Create(1.0 / 24));
        Vector256<double> a2 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 5040), Vector256.Create(1.0 / 720));
        Vector256<double> a3 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 362880), Vector256.Create(1.0 / 40320));
        Vector256<double> a4 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 39916800), Vector256.Create(1.0 / 3628800));
        Vector256<double> b0 = Vector256.FusedMultiplyAdd(a1, r2, a0);
        Vector256<double> b1 = Vector256.FusedMultiplyAdd(a3, r2, a2);
        Vector256<double> b2 = Vector256.FusedMultiplyAdd(Vector256.Create(1.0 / 479001600), r2, a4);
        Vector256<double> h = Vector256.FusedMultiplyAdd(b2, r8, Vector256.FusedMultiplyAdd(b1, r4, b0));
        Vector256<double> p = Vector256.FusedMultiplyAdd(r2, h, r) + Vector256<double>.One;

        Vector256<double> scale = ((k + Vector256.Create(1023L + 64)) << 52).AsDouble();
        return p * scale * Vector256.Create(TwoToMinus64);
    }

    /// <summary>
    /// Returns σ(z) lane by lane with the same formula as <see cref="Sigmoid.Compute(double)"/>: t = e^(−|z|), then
    /// 1 / (1 + t) for z ≥ 0 and t / (1 + t) for z &lt; 0, so no finite z overflows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Sigmoid(Vector256<double> z)
    {
        Vector256<double> t = ExpNonPositive(-Vector256.Abs(z));
        Vector256<double> numerator = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(z, Vector256<double>.Zero), Vector256<double>.One, t);
        return numerator / (Vector256<double>.One + t);
    }

    /// <summary>Returns the vector (Σ a0, Σ a1, Σ a2, Σ a3) of the four lane sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Sum4(Vector256<double> a0, Vector256<double> a1, Vector256<double> a2, Vector256<double> a3)
    {
        if (Avx.IsSupported)
        {
            Vector256<double> pairs01 = Avx.HorizontalAdd(a0, a1);
            Vector256<double> pairs23 = Avx.HorizontalAdd(a2, a3);
            return Avx.Permute2x128(pairs01, pairs23, 0x20) + Avx.Permute2x128(pairs01, pairs23, 0x31);
        }

        return Vector256.Create(Vector256.Sum(a0), Vector256.Sum(a1), Vector256.Sum(a2), Vector256.Sum(a3));
    }

    /// <summary>Returns a vector whose four lanes are lane <paramref name="lane"/> of <paramref name="v"/>.</summary>
    /// <remarks>A constant shuffle compiles to one vpermpd, where Create(v.GetElement(lane)) takes two or three instructions.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Broadcast(Vector256<double> v, [ConstantExpected(Min = 0, Max = 3)] int lane) =>
        Vector256.Shuffle(v, Vector256.Create((long)lane));

    /// <summary>Returns the sum of the logistic losses of the four lanes (for the optional batch loss).</summary>
    public static double LossSum4(Vector256<double> z, Vector256<double> y) =>
        LogLoss.FromLogit(z.GetElement(0), y.GetElement(0))
        + LogLoss.FromLogit(z.GetElement(1), y.GetElement(1))
        + LogLoss.FromLogit(z.GetElement(2), y.GetElement(2))
        + LogLoss.FromLogit(z.GetElement(3), y.GetElement(3));
}
