using System.Globalization;

namespace BatchTutorial;

/// <summary>
/// Reads rows from a CSV file: one row per line, d features then the label 0 or 1, separated by commas, numbers in
/// the invariant culture ("1.5", "-2e-3"). Empty lines are skipped; there is no header.
/// </summary>
/// <remarks>
/// The file is read through one reused byte buffer and parsed in place as UTF-8, so a row allocates nothing. A line
/// longer than the buffer doubles it (once per longer line), which is the only growth.
/// </remarks>
public sealed class CsvRowReader : RowReader
{
    private const int InitialBufferBytes = 1 << 20;

    private readonly FileStream _file;
    private byte[] _buffer = new byte[InitialBufferBytes];
    private int _start;
    private int _end;
    private bool _endOfFile;
    private long _line;

    /// <summary>Opens <paramref name="path"/> for reading rows of <paramref name="columns"/> features.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public CsvRowReader(string path, int columns)
        : base(path, columns)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
    }

    /// <inheritdoc/>
    public override void Rewind()
    {
        _file.Position = 0;
        _start = 0;
        _end = 0;
        _endOfFile = false;
        _line = 0;
    }

    /// <inheritdoc/>
    protected override int ReadRowsCore(Span<double> x, Span<double> y)
    {
        int d = Columns;
        int rows = 0;
        while (rows < y.Length && NextLine(out ReadOnlySpan<byte> line))
        {
            if (line.IsEmpty)
            {
                continue;
            }

            y[rows] = ParseRow(line, x.Slice(rows * d, d));
            rows++;
        }

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

    /// <summary>Parses one line into its d features and returns its label.</summary>
    private double ParseRow(ReadOnlySpan<byte> line, Span<double> features)
    {
        int fields = line.Count((byte)',') + 1;
        if (fields != Columns + 1)
        {
            throw BadData(nameof(Messages.CsvFieldCount), Path, _line, Columns + 1, fields);
        }

        for (int j = 0; j < Columns; j++)
        {
            int comma = line.IndexOf((byte)',');
            features[j] = ParseValue(line[..comma]);
            line = line[(comma + 1)..];
        }

        double label = ParseValue(line);
        if (label != 0.0 && label != 1.0)
        {
            throw BadData(nameof(Messages.CsvLabelNotBinary), Path, _line, System.Text.Encoding.UTF8.GetString(line));
        }

        return label;
    }

    private double ParseValue(ReadOnlySpan<byte> text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw BadData(nameof(Messages.CsvNotANumber), Path, _line, System.Text.Encoding.UTF8.GetString(text));
        }

        if (!double.IsFinite(value))
        {
            throw BadData(nameof(Messages.CsvValueNotFinite), Path, _line, System.Text.Encoding.UTF8.GetString(text));
        }

        return value;
    }

    /// <summary>Returns the next line without its line break ("\n" or "\r\n"); false at the end of the file.</summary>
    private bool NextLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0 || (_endOfFile && _end > _start))
            {
                int length = newline >= 0 ? newline : _end - _start;
                line = _buffer.AsSpan(_start, length);
                _start += newline >= 0 ? length + 1 : length;
                _line++;
                if (!line.IsEmpty && line[^1] == (byte)'\r')
                {
                    line = line[..^1];
                }

                return true;
            }

            if (_endOfFile)
            {
                line = default;
                return false;
            }

            Refill();
        }
    }

    /// <summary>Moves the unread bytes to the front of the buffer (growing it when a line fills it) and reads more.</summary>
    private void Refill()
    {
        int unread = _end - _start;
        if (unread == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
        }

        _start = 0;
        _end = unread;
        int read = _file.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _endOfFile = read == 0;
    }
}
