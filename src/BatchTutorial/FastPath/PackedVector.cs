using System.Runtime.Intrinsics;

namespace BatchTutorial;

/// <summary>
/// A vector of d ≥ 4 values (the weights W, or a gradient) stored as ceil(d / 4) chunks of 4 lanes, so a row of X is
/// covered by whole 256-bit loads without reading past its end.
/// </summary>
/// <remarks>
/// Chunk c contains values [4c, 4c + 4) for every chunk but the last. The last chunk contains values [d − 4, d), the last
/// four of the row. When 4 does not divide d, its first 4·chunks − d lanes repeat values of the chunk before, so
/// they are kept at 0 (see <see cref="LastMask"/>): a dot product then counts each feature exactly once.
/// </remarks>
internal sealed class PackedVector
{
    public PackedVector(int columns)
    {
        Columns = columns;
        Chunks = (columns + 3) / 4;
        Values = new Vector256<double>[Chunks];
        int overlap = 4 * Chunks - columns;
        LastMask = Vector256.GreaterThanOrEqual(Vector256.Create(0.0, 1.0, 2.0, 3.0), Vector256.Create((double)overlap));
    }

    /// <summary>d, the number of values.</summary>
    public int Columns { get; }

    /// <summary>ceil(d / 4), the number of chunks.</summary>
    public int Chunks { get; }

    /// <summary>The offset within a row of the last chunk: d − 4.</summary>
    public int LastOffset => Columns - 4;

    /// <summary>The chunks; the lanes of the last chunk outside <see cref="LastMask"/> stay 0.</summary>
    public Vector256<double>[] Values { get; }

    /// <summary>All bits set in the lanes of the last chunk that hold a value of their own, 0 in the repeated lanes.</summary>
    public Vector256<double> LastMask { get; }

    /// <summary>Returns the offset within a row of chunk <paramref name="chunk"/>.</summary>
    public int Offset(int chunk) => chunk == Chunks - 1 ? LastOffset : 4 * chunk;

    /// <summary>Packs <paramref name="values"/> (d values) into the chunks.</summary>
    public void Pack(ReadOnlySpan<double> values)
    {
        for (int c = 0; c < Chunks - 1; c++)
        {
            Values[c] = Vector256.Create(values.Slice(4 * c, 4));
        }

        Values[Chunks - 1] = Vector256.Create(values.Slice(LastOffset, 4)) & LastMask;
    }

    /// <summary>Writes the d values back into <paramref name="values"/>.</summary>
    public void Unpack(Span<double> values)
    {
        // The last chunk goes first: its repeated lanes hold 0 and are then overwritten by the chunk before.
        Values[Chunks - 1].CopyTo(values.Slice(LastOffset, 4));
        for (int c = 0; c < Chunks - 1; c++)
        {
            Values[c].CopyTo(values.Slice(4 * c, 4));
        }
    }
}
