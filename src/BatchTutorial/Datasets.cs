using System.Globalization;
using System.IO.Compression;

namespace BatchTutorial;

/// <summary>The digits data: 8 × 8 images (64 pixel values 0-16, row-major) and the digit 0-9 of each.</summary>
/// <param name="Pixels">n × 64 values, row-major.</param>
/// <param name="Digits">n digits, 0-9.</param>
public sealed record DigitsData(double[] Pixels, int[] Digits)
{
    /// <summary>The number of images.</summary>
    public int Rows => Digits.Length;

    /// <summary>Returns a two-class data set: label 1 for <paramref name="positiveDigit"/>, 0 for every other digit.</summary>
    public Dataset OneVersusRest(int positiveDigit)
    {
        if (positiveDigit is < 0 or > 9)
        {
            throw new ArgumentOutOfRangeException(nameof(positiveDigit), positiveDigit, Messages.Format(nameof(Messages.MustBeInRange), nameof(positiveDigit), positiveDigit, 0, 9));
        }

        double[] y = Array.ConvertAll(Digits, digit => digit == positiveDigit ? 1.0 : 0.0);
        return new Dataset(Pixels, y, 64);
    }
}

/// <summary>
/// Data for the lessons: the numpy article's dummy data, learnable 2-D blobs, and the two bundled UCI data sets
/// (embedded in this assembly from the repository's data/ folder; CC BY 4.0, see data/README.md).
/// </summary>
public static class Datasets
{
    private const string BreastCancerResource = "BatchTutorial.Data.breast_cancer.csv";
    private const string DigitsResource = "BatchTutorial.Data.digits.csv.gz";

    /// <summary>
    /// Returns the dummy data of the numpy tutorial: X with n × d standard-normal values and random labels 0 or 1
    /// drawn with equal chance. The labels do not depend on X, so there is nothing to learn.
    /// </summary>
    public static Dataset Dummy(int rows, int columns, long seed)
    {
        Guard.Positive(rows, nameof(rows));
        Guard.Positive(columns, nameof(columns));
        var random = new SeededRandom(seed);
        var x = new double[rows * columns];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = random.NextNormal();
        }

        var y = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            y[i] = random.NextInt(2);
        }

        return new Dataset(x, y, columns);
    }

    /// <summary>
    /// Returns n rows of a learnable problem with d standard-normal features and labels drawn from a fixed logistic
    /// model (see <see cref="SyntheticRows"/>, which produces the same rows one at a time).
    /// </summary>
    public static Dataset Synthetic(int rows, int columns, long seed)
    {
        Guard.Positive(rows, nameof(rows));
        var source = new SyntheticRows(columns, seed);
        var x = new double[(long)rows * columns];
        var y = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            y[i] = source.Next(x.AsSpan(i * columns, columns));
        }

        return new Dataset(x, y, columns);
    }

    /// <summary>
    /// Returns n points in two dimensions from two Gaussian blobs (standard deviation 1) centred at
    /// (−c, −c) for label 0 and (c, c) for label 1, with c = separation / 2; alternate rows take alternate labels.
    /// </summary>
    public static Dataset Blobs(int rows, long seed, double separation = 3.0)
    {
        Guard.Positive(rows, nameof(rows));
        Guard.PositiveFinite(separation, nameof(separation));
        var random = new SeededRandom(seed);
        double c = separation / 2;
        var x = new double[rows * 2];
        var y = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            y[i] = i % 2;
            double centre = y[i] == 1 ? c : -c;
            x[2 * i] = centre + random.NextNormal();
            x[2 * i + 1] = centre + random.NextNormal();
        }

        return new Dataset(x, y, 2);
    }

    /// <summary>
    /// Returns the Breast Cancer Wisconsin (Diagnostic) data: 569 rows, 30 features, label 0 = malignant, 1 = benign.
    /// </summary>
    public static Dataset BreastCancer()
    {
        using Stream stream = OpenResource(BreastCancerResource);
        return ReadBreastCancer(stream, "breast_cancer.csv");
    }

    /// <summary>Reads a file in the breast-cancer layout: a header "rows,columns,name0,name1", then rows of features and a 0/1 label.</summary>
    public static Dataset LoadBreastCancer(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = File.OpenRead(path);
        return ReadBreastCancer(stream, path);
    }

    /// <summary>Returns the optical digits data: 1,797 images of 8 × 8 pixels and their digits.</summary>
    public static DigitsData Digits()
    {
        using Stream stream = OpenResource(DigitsResource);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        return ReadDigits(gzip, "digits.csv.gz");
    }

    /// <summary>Reads the digits file (gzip-compressed CSV, 64 pixels and the digit per row).</summary>
    public static DigitsData LoadDigits(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return ReadDigits(gzip, path);
    }

    private static Dataset ReadBreastCancer(Stream stream, string source)
    {
        using var reader = new StreamReader(stream);
        string header = reader.ReadLine() ?? string.Empty;
        string[] parts = header.Split(',');
        if (parts.Length < 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out int rows) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out int columns) || rows <= 0 || columns <= 0)
        {
            throw new InvalidDataException(Messages.Format(nameof(Messages.CsvBadHeader), source, header));
        }

        var x = new List<double>(rows * columns);
        var y = new List<double>(rows);
        ReadRows(reader, source, columns + 1, firstLine: 2, (values) =>
        {
            x.AddRange(values[..columns]);
            y.Add(values[columns]);
        });
        if (y.Count != rows)
        {
            throw new InvalidDataException(Messages.Format(nameof(Messages.CsvRowCount), source, rows, y.Count));
        }

        return new Dataset(x.ToArray(), y.ToArray(), columns);
    }

    private static DigitsData ReadDigits(Stream stream, string source)
    {
        using var reader = new StreamReader(stream);
        var pixels = new List<double>();
        var digits = new List<int>();
        ReadRows(reader, source, 65, firstLine: 1, values =>
        {
            pixels.AddRange(values[..64]);
            digits.Add((int)values[64]);
        });
        return new DigitsData(pixels.ToArray(), digits.ToArray());
    }

    private static void ReadRows(TextReader reader, string source, int fields, int firstLine, Action<double[]> onRow)
    {
        var values = new double[fields];
        int lineNumber = firstLine - 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] parts = line.Split(',');
            if (parts.Length != fields)
            {
                throw new InvalidDataException(Messages.Format(nameof(Messages.CsvFieldCount), source, lineNumber, fields, parts.Length));
            }

            for (int j = 0; j < fields; j++)
            {
                if (!double.TryParse(parts[j], NumberStyles.Float, CultureInfo.InvariantCulture, out values[j]))
                {
                    throw new InvalidDataException(Messages.Format(nameof(Messages.CsvNotANumber), source, lineNumber, parts[j]));
                }
            }

            onRow(values);
        }
    }

    private static Stream OpenResource(string name) =>
        typeof(Datasets).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Embedded resource {name} is missing from {typeof(Datasets).Assembly.FullName}.");
}
