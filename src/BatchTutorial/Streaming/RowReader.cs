namespace BatchTutorial;

/// <summary>
/// Reads training rows (d features and a 0/1 label) from a file in order, a block at a time, without loading the
/// file: the caller's buffers are the only storage that grows with the block size, and nothing grows with the file.
/// </summary>
/// <remarks>
/// Two formats: CSV (<see cref="CsvRowReader"/>, one row per line) and the library's binary rows
/// (<see cref="BinaryRowReader"/>, float64 values as they are in memory). <see cref="Open"/> picks one by the
/// file's extension. A file with a bad row raises <see cref="InvalidDataException"/> naming the file, the line or
/// row, and the problem, in the language of <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>.
/// </remarks>
public abstract class RowReader : IDisposable
{
    /// <summary>The extension of the binary row format, ".rows".</summary>
    public const string BinaryExtension = ".rows";

    /// <summary>Sets the path and d of a reader.</summary>
    protected RowReader(string path, int columns)
    {
        Guard.Positive(columns, nameof(columns));
        Path = path;
        Columns = columns;
    }

    /// <summary>The file being read.</summary>
    public string Path { get; }

    /// <summary>d, the number of features per row.</summary>
    public int Columns { get; }

    /// <summary>
    /// Opens <paramref name="path"/> as binary rows when its extension is <see cref="BinaryExtension"/>, else as CSV.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A binary file's header is invalid or its d differs from <paramref name="columns"/>.</exception>
    public static RowReader Open(string path, int columns)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return string.Equals(System.IO.Path.GetExtension(path), BinaryExtension, StringComparison.OrdinalIgnoreCase)
            ? new BinaryRowReader(path, columns)
            : new CsvRowReader(path, columns);
    }

    /// <summary>
    /// Reads up to <paramref name="y"/>.Length rows: their features into <paramref name="x"/> (row-major, d values per
    /// row) and their labels into <paramref name="y"/>. Returns the number of rows read, fewer only at the end of the
    /// file, and 0 after it.
    /// </summary>
    /// <exception cref="InvalidDataException">A row is malformed; the message names the file, the line or row, and the problem.</exception>
    public int ReadRows(Span<double> x, Span<double> y)
    {
        if (x.Length < y.Length * Columns)
        {
            throw new ArgumentException(Messages.Format(nameof(Messages.WrongLength), nameof(x), x.Length, y.Length * Columns), nameof(x));
        }

        return ReadRowsCore(x, y);
    }

    /// <summary>Goes back to the first row, for the next epoch.</summary>
    public abstract void Rewind();

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Reads rows as <see cref="ReadRows"/> describes; <paramref name="x"/> is large enough.</summary>
    protected abstract int ReadRowsCore(Span<double> x, Span<double> y);

    /// <summary>Closes the file when <paramref name="disposing"/> is true.</summary>
    protected abstract void Dispose(bool disposing);

    /// <summary>Returns an <see cref="InvalidDataException"/> with the message <paramref name="key"/> filled with <paramref name="args"/>.</summary>
    private protected static InvalidDataException BadData(string key, params object?[] args) =>
        new(Messages.Format(key, args));

}
