using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BatchTutorial;

/// <summary>
/// e^x for one value x ≤ 0, inlined and with a short dependency chain, for the online kernels: there each row waits
/// for σ of the row before, and a call to <see cref="Math.Exp"/> both lengthens that wait and makes the JIT save the
/// loop's vector registers around the call.
/// </summary>
/// <remarks>
/// e^x = 2^(k/64) · e^r with k = round(64·x / ln 2) and |r| ≤ ln 2 / 128. 2^(k/64) is the table entry 2^(j/64),
/// j = k mod 64, with k div 64 added to its exponent. e^r is its Taylor polynomial of degree 5, whose truncation error
/// is below 4e-17 relative. The tests compare it with <see cref="Math.Exp"/> on [−745, 0]: at most 2 units in the last
/// place apart.
/// </remarks>
internal static class ScalarExp
{
    // 1.5·2^52: adding it to a double of magnitude below 2^51 rounds that double to an integer kept in the low bits.
    private const double RoundingShifter = 6755399441055744.0;
    private const double SixtyFourOverLn2 = 92.33248261689366;

    // ln 2 / 64 split in two, from 50 digits of ln 2. The high part has 32 significant bits, so k·Ln2Over64High is
    // exact for |k| < 2^21, and here |k| < 2^17.
    private const double Ln2Over64High = 0.01083042469326756;
    private const double Ln2Over64Low = 2.9815858269852933e-12;

    // Below this, e^x is subnormal, and adding to the exponent of a table entry would not give it.
    private const double SmallestNormalArgument = -708.0;

    private const double TwoToMinus64 = 5.421010862427522e-20;

    /// <summary>
    /// The bits of 2^(j/64), j = 0 … 63: each value evaluated with 60 decimal digits (Python's decimal module) and
    /// rounded to the nearest double.
    /// </summary>
    /// <remarks>
    /// Callers take <c>ref MemoryMarshal.GetArrayDataReference(TableBits)</c> once, before their loop, and pass it to
    /// <see cref="NonPositive"/>. Read inside the loop, a static field costs an initialization check per row in code
    /// compiled with AggressiveOptimization, and a span over constant data allocates per read in unoptimized code.
    /// </remarks>
    public static readonly long[] TableBits =
    [
        0x3FF0000000000000, 0x3FF02C9A3E778061, 0x3FF059B0D3158574, 0x3FF0874518759BC8,
        0x3FF0B5586CF9890F, 0x3FF0E3EC32D3D1A2, 0x3FF11301D0125B51, 0x3FF1429AAEA92DE0,
        0x3FF172B83C7D517B, 0x3FF1A35BEB6FCB75, 0x3FF1D4873168B9AA, 0x3FF2063B88628CD6,
        0x3FF2387A6E756238, 0x3FF26B4565E27CDD, 0x3FF29E9DF51FDEE1, 0x3FF2D285A6E4030B,
        0x3FF306FE0A31B715, 0x3FF33C08B26416FF, 0x3FF371A7373AA9CB, 0x3FF3A7DB34E59FF7,
        0x3FF3DEA64C123422, 0x3FF4160A21F72E2A, 0x3FF44E086061892D, 0x3FF486A2B5C13CD0,
        0x3FF4BFDAD5362A27, 0x3FF4F9B2769D2CA7, 0x3FF5342B569D4F82, 0x3FF56F4736B527DA,
        0x3FF5AB07DD485429, 0x3FF5E76F15AD2148, 0x3FF6247EB03A5585, 0x3FF6623882552225,
        0x3FF6A09E667F3BCD, 0x3FF6DFB23C651A2F, 0x3FF71F75E8EC5F74, 0x3FF75FEB564267C9,
        0x3FF7A11473EB0187, 0x3FF7E2F336CF4E62, 0x3FF82589994CCE13, 0x3FF868D99B4492ED,
        0x3FF8ACE5422AA0DB, 0x3FF8F1AE99157736, 0x3FF93737B0CDC5E5, 0x3FF97D829FDE4E50,
        0x3FF9C49182A3F090, 0x3FFA0C667B5DE565, 0x3FFA5503B23E255D, 0x3FFA9E6B5579FDBF,
        0x3FFAE89F995AD3AD, 0x3FFB33A2B84F15FB, 0x3FFB7F76F2FB5E47, 0x3FFBCC1E904BC1D2,
        0x3FFC199BDD85529C, 0x3FFC67F12E57D14B, 0x3FFCB720DCEF9069, 0x3FFD072D4A07897C,
        0x3FFD5818DCFBA487, 0x3FFDA9E603DB3285, 0x3FFDFC97337B9B5F, 0x3FFE502EE78B3FF6,
        0x3FFEA4AFA2A490DA, 0x3FFEFA1BEE615A27, 0x3FFF50765B6E4540, 0x3FFFA7C1819E90D8,
    ];

    /// <summary>Returns e^x for x ≤ 0. Any x below −746 gives 0, as e^x underflows there.</summary>
    /// <param name="x">The exponent, at most 0.</param>
    /// <param name="table">The first element of <see cref="TableBits"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double NonPositive(double x, ref long table)
    {
        x = Vector128.MaxNative(Vector128.CreateScalarUnsafe(x), Vector128.CreateScalarUnsafe(-746.0)).ToScalar();
        double shifted = Math.FusedMultiplyAdd(x, SixtyFourOverLn2, RoundingShifter);
        long k = BitConverter.DoubleToInt64Bits(shifted) - BitConverter.DoubleToInt64Bits(RoundingShifter);
        double kd = shifted - RoundingShifter;
        double r = Math.FusedMultiplyAdd(kd, -Ln2Over64High, x);
        r = Math.FusedMultiplyAdd(kd, -Ln2Over64Low, r);

        // e^r − 1 = r + r²·((1/2 + r/6) + r²·(1/24 + r/120)), the two inner pairs evaluated side by side.
        double r2 = r * r;
        double inner = Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(r, 1.0 / 120, 1.0 / 24), r2, Math.FusedMultiplyAdd(r, 1.0 / 6, 0.5));
        double expm1 = Math.FusedMultiplyAdd(inner, r2, r);

        long entry = Unsafe.Add(ref table, (nint)(k & 63));
        if (x >= SmallestNormalArgument)
        {
            double scale = BitConverter.Int64BitsToDouble(entry + ((k >> 6) << 52));
            return Math.FusedMultiplyAdd(scale, expm1, scale);
        }

        // A subnormal result: build 2^(k/64 + 64), a normal number, and scale the product down by 2^−64.
        double raised = BitConverter.Int64BitsToDouble(entry + (((k >> 6) + 64) << 52));
        return Math.FusedMultiplyAdd(raised, expm1, raised) * TwoToMinus64;
    }
}
