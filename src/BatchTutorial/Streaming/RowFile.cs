using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace BatchTutorial;

/// <summary>Writes and loads whole row files in the two formats that <see cref="RowReader"/> streams.</summary>
public static class RowFile
{
    /// <summary>
    /// Writes <paramref name="rows"/> rows drawn from <paramref name="source"/> as CSV (d features, then the label; values
    /// in the invariant culture with the shortest text that reads back the same double), one row at a time.
    /// </summary>
    /// <returns>The number of bytes written.</returns>
    public static long WriteCsv(string path, SyntheticRows source, long rows)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(source);
        CheckRowCount(rows);
        var x = new double[source.Columns];
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 20);
        writer.NewLine = "\n";
        Span<char> number = stackalloc char[32];
        for (long i = 0; i < rows; i++)
        {
            double label = source.Next(x);
            foreach (double value in x)
            {
                value.TryFormat(number, out int written, "R", CultureInfo.InvariantCulture);
                writer.Write(number[..written]);
                writer.Write(',');
            }

            writer.Write(label == 1.0 ? '1' : '0');
            writer.WriteLine();
        }

        writer.Flush();
        return writer.BaseStream.Length;
    }

    /// <summary>
    /// Writes <paramref name="rows"/> rows drawn from <paramref name="source"/> in the binary row format that
    /// <see cref="BinaryRowReader"/> reads.
    /// </summary>
    /// <returns>The number of bytes written.</returns>
    public static long WriteBinary(string path, SyntheticRows source, long rows)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(source);
        CheckRowCount(rows);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 20);
        Span<byte> header = stackalloc byte[BinaryRowReader.HeaderBytes];
        header.Clear();
        BinaryRowReader.Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..12], source.Columns);
        file.Write(header);
        var row = new double[source.Columns + 1];
        for (long i = 0; i < rows; i++)
        {
            row[^1] = source.Next(row.AsSpan(0, source.Columns));
            file.Write(MemoryMarshal.AsBytes(row.AsSpan()));
        }

        return file.Length;
    }

    /// <summary>
    /// Loads every row of <paramref name="path"/> into memory (CSV or binary, as <see cref="RowReader.Open"/> decides):
    /// the opposite of streaming, for comparison. Memory grows with the file.
    /// </summary>
    /// <exception cref="InvalidDataException">A row is malformed, or the file contains no rows.</exception>
    public static Dataset ReadAll(string path, int columns)
    {
        using RowReader reader = RowReader.Open(path, columns);
        const int BlockRows = 4096;
        var x = new List<double>();
        var y = new List<double>();
        var blockX = new double[BlockRows * columns];
        var blockY = new double[BlockRows];
        int read;
        while ((read = reader.ReadRows(blockX, blockY)) > 0)
        {
            x.AddRange(blockX.AsSpan(0, read * columns));
            y.AddRange(blockY.AsSpan(0, read));
        }

        if (y.Count == 0)
        {
            throw new InvalidDataException(Messages.Format(nameof(Messages.RowFileEmpty), path));
        }

        return new Dataset(x.ToArray(), y.ToArray(), columns);
    }

    private static void CheckRowCount(long rows)
    {
        if (rows <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, Messages.Format(nameof(Messages.MustBePositive), nameof(rows), rows));
        }
    }
}
