namespace BatchTutorial;

/// <summary>
/// A binary-classification data set in the training layout: features X as a row-major n × d array and labels y
/// (0 or 1), checked once when it is created.
/// </summary>
/// <remarks>
/// Row i is X[i·d .. i·d + d). The arrays are not copied: the data set keeps the caller's arrays and no part of the
/// library writes to them. MathNet matrices (column-major) are the teaching layout; convert with
/// <see cref="Textbook.ToMatrix"/> and <see cref="Textbook.FromMatrix"/>.
/// </remarks>
public sealed class Dataset
{
    private readonly double[] _x;
    private readonly double[] _y;

    /// <summary>Creates a data set from row-major features and labels, checking both.</summary>
    /// <param name="x">Features, n × d values, row-major; every value finite.</param>
    /// <param name="y">Labels, n values, each 0 or 1.</param>
    /// <param name="columns">d, the number of features per row; at least 1.</param>
    /// <exception cref="ArgumentException">Lengths do not match, data is empty, a value is NaN or infinite, or a label is not 0 or 1.</exception>
    public Dataset(double[] x, double[] y, int columns)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Guard.Positive(columns, nameof(columns));
        Guard.NotEmpty(y.Length, nameof(y));
        if (x.Length % columns != 0)
        {
            throw new ArgumentException(Messages.Format(nameof(Messages.NotMultipleOfColumns), nameof(x), x.Length, columns), nameof(x));
        }

        Guard.SameLength(x.Length / columns, nameof(x), y.Length, nameof(y));
        Guard.AllFinite(x, nameof(x));
        Guard.AllFinite(y, nameof(y));
        Guard.AllBinary(y, nameof(y));
        _x = x;
        _y = y;
        Columns = columns;
    }

    /// <summary>Creates a data set from one array per row.</summary>
    /// <exception cref="ArgumentException">Rows differ in length, or any check of the main constructor fails.</exception>
    public static Dataset FromRows(double[][] rows, double[] y)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Guard.NotEmpty(rows.Length, nameof(rows));
        int d = rows[0].Length;
        var x = new double[rows.Length * d];
        for (int i = 0; i < rows.Length; i++)
        {
            Guard.Length(rows[i].Length, d, $"{nameof(rows)}[{i}]");
            rows[i].CopyTo(x, i * d);
        }

        return new Dataset(x, y, d);
    }

    /// <summary>n, the number of rows (samples).</summary>
    public int Rows => _y.Length;

    /// <summary>d, the number of features per row.</summary>
    public int Columns { get; }

    /// <summary>The features, n × d, row-major (read-only view of the caller's array).</summary>
    public ReadOnlySpan<double> X => _x;

    /// <summary>The labels, n values of 0 or 1 (read-only view of the caller's array).</summary>
    public ReadOnlySpan<double> Y => _y;

    /// <summary>The features as read-only memory, for code that keeps a reference across calls.</summary>
    public ReadOnlyMemory<double> XMemory => _x;

    /// <summary>The labels as read-only memory.</summary>
    public ReadOnlyMemory<double> YMemory => _y;

    /// <summary>Returns row <paramref name="i"/> of X (d values).</summary>
    public ReadOnlySpan<double> Row(int i) => _x.AsSpan(i * Columns, Columns);

    /// <summary>Returns the share of rows whose label is 1.</summary>
    public double PositiveRate()
    {
        double sum = 0;
        foreach (double label in _y)
        {
            sum += label;
        }

        return sum / Rows;
    }

    /// <summary>Returns a new data set holding the given rows, in the given order (copies them).</summary>
    public Dataset Select(ReadOnlySpan<int> rows)
    {
        Guard.NotEmpty(rows.Length, nameof(rows));
        var x = new double[rows.Length * Columns];
        var y = new double[rows.Length];
        for (int k = 0; k < rows.Length; k++)
        {
            int i = rows[k];
            if ((uint)i >= (uint)Rows)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), i, Messages.Format(nameof(Messages.MustBeInRange), $"{nameof(rows)}[{k}]", i, 0, Rows - 1));
            }

            Row(i).CopyTo(x.AsSpan(k * Columns, Columns));
            y[k] = _y[i];
        }

        return new Dataset(x, y, Columns);
    }

    /// <summary>Returns a new data set with only the given feature columns, in that order (copies them).</summary>
    public Dataset SelectColumns(params int[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Guard.NotEmpty(columns.Length, nameof(columns));
        foreach (int c in columns)
        {
            if ((uint)c >= (uint)Columns)
            {
                throw new ArgumentOutOfRangeException(nameof(columns), c, Messages.Format(nameof(Messages.MustBeInRange), nameof(columns), c, 0, Columns - 1));
            }
        }

        var x = new double[Rows * columns.Length];
        for (int i = 0; i < Rows; i++)
        {
            for (int k = 0; k < columns.Length; k++)
            {
                x[i * columns.Length + k] = _x[i * Columns + columns[k]];
            }
        }

        return new Dataset(x, (double[])_y.Clone(), columns.Length);
    }
}
