using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BatchTutorial;

/// <summary>
/// How a kernel maps a position of the epoch to a row of X. The kernels are generic over this interface so the
/// JIT compiles one copy per order, with no branch or indirection in the storage-order copy.
/// </summary>
internal interface IRowOrder
{
    /// <summary>Returns the row index at <paramref name="position"/> of the epoch.</summary>
    static abstract int Row(ref int order, int position);

    /// <summary>Returns the labels of the rows at positions <paramref name="position"/> to <paramref name="position"/> + 3.</summary>
    static abstract Vector256<double> Labels4(ref double y, ref int order, int position);
}

/// <summary>Rows in storage order: position p is row p, and <c>order</c> is never read.</summary>
internal readonly struct StorageOrder : IRowOrder
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Row(ref int order, int position) => position;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Labels4(ref double y, ref int order, int position) =>
        Vector256.LoadUnsafe(ref y, (nuint)position);
}

/// <summary>Rows through a permutation: position p is row order[p], so rows are gathered, never copied.</summary>
internal readonly struct PermutedOrder : IRowOrder
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Row(ref int order, int position) => Unsafe.Add(ref order, position);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Labels4(ref double y, ref int order, int position) => Vector256.Create(
        Unsafe.Add(ref y, Unsafe.Add(ref order, position)),
        Unsafe.Add(ref y, Unsafe.Add(ref order, position + 1)),
        Unsafe.Add(ref y, Unsafe.Add(ref order, position + 2)),
        Unsafe.Add(ref y, Unsafe.Add(ref order, position + 3)));
}

/// <summary>
/// The number of 4-wide chunks that cover a row of 4 to 16 features, as a type, so the small kernels keep W and the
/// gradient in registers and the JIT drops the code for chunks that do not exist.
/// </summary>
internal interface IChunkCount
{
    static abstract int Value { get; }
}

internal readonly struct OneChunk : IChunkCount
{
    public static int Value => 1;
}

internal readonly struct TwoChunks : IChunkCount
{
    public static int Value => 2;
}

internal readonly struct ThreeChunks : IChunkCount
{
    public static int Value => 3;
}

internal readonly struct FourChunks : IChunkCount
{
    public static int Value => 4;
}

/// <summary>
/// Whether someone observes each update (batch loss or a callback), as a type: the kernels are compiled without
/// that code when no one does, because any call inside a loop makes the JIT keep the loop's vectors on the stack.
/// </summary>
internal interface IObserved
{
    static abstract bool Value { get; }
}

internal readonly struct Observed : IObserved
{
    public static bool Value => true;
}

internal readonly struct Unobserved : IObserved
{
    public static bool Value => false;
}
