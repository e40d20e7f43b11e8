using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace BatchTutorial;

/// <summary>
/// Reads rows from the library's binary row format: a 16-byte header, then each row's d features and its label as
/// little-endian float64, back to back, so a block of rows takes one read call and no parsing.
/// </summary>
/// <remarks>
/// Header: the 8 ASCII bytes "BTROWS01", then d as a little-endian 32-bit integer, then 4 bytes of zeros.
/// <see cref="RowFile.WriteBinary"/> writes it. The features go through an internal buffer of one block of rows,
/// since the file interleaves them with the labels.
/// </remarks>
public sealed class BinaryRowReader : RowReader
{
    /// <summary>The first 8 bytes of every binary row file.</summary>
    public static ReadOnlySpan<byte> Magic => "BTROWS01"u8;

    /// <summary>The size of the header in bytes.</summary>
    public const int HeaderBytes = 16;

    private readonly FileStream _file;
    private double[] _rows = [];
    private long _rowsRead;

    /// <summary>Opens <paramref name="path"/> and checks its header against <paramref name="columns"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The header is missing or invalid, or the file's d is not <paramref name="columns"/>.</exception>
    public BinaryRowReader(string path, int columns)
        : base(path, columns)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        try
        {
            Span<byte> header = stackalloc byte[HeaderBytes];
            if (_file.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) < HeaderBytes || !header[..8].SequenceEqual(Magic))
            {
                throw BadData(nameof(Messages.RowFileBadHeader), path, System.Text.Encoding.ASCII.GetString(Magic));
            }

            int fileColumns = BinaryPrimitives.ReadInt32LittleEndian(header[8..12]);
            if (fileColumns != columns)
            {
                throw BadData(nameof(Messages.RowFileColumnMismatch), path, fileColumns, columns);
            }
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public override void Rewind()
    {
        _file.Position = HeaderBytes;
        _rowsRead = 0;
    }

    /// <inheritdoc/>
    protected override int ReadRowsCore(Span<double> x, Span<double> y)
    {
        int width = Columns + 1;
        if (_rows.Length < y.Length * width)
        {
            _rows = new double[y.Length * width];
        }

        Span<byte> bytes = MemoryMarshal.AsBytes(_rows.AsSpan(0, y.Length * width));
        int read = _file.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (read % (width * sizeof(double)) != 0)
        {
            throw BadData(nameof(Messages.RowFileTruncated), Path, _rowsRead + read / (width * sizeof(double)) + 1);
        }

        int rows = read / (width * sizeof(double));
        if (!BitConverter.IsLittleEndian)
        {
            // NOTE: the format is little-endian; a big-endian machine (such as s390x) would need each value's bytes
            // reversed, which this reader does not do.
            throw new PlatformNotSupportedException();
        }

        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<double> row = _rows.AsSpan(r * width, width);
            for (int j = 0; j < Columns; j++)
            {
                if (!double.IsFinite(row[j]))
                {
                    throw BadData(nameof(Messages.RowFileValueNotFinite), Path, _rowsRead + r + 1, row[j].ToString("R", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            double label = row[Columns];
            if (label != 0.0 && label != 1.0)
            {
                throw BadData(nameof(Messages.RowFileLabelNotBinary), Path, _rowsRead + r + 1, label.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }

            row[..Columns].CopyTo(x.Slice(r * Columns, Columns));
            y[r] = label;
        }

        _rowsRead += rows;
        return rows;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }
    }
}
