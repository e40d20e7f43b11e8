namespace BatchTutorial;

/// <summary>
/// A seeded source of rows for a learnable logistic-regression problem: features x ~ N(0, 1) and a label 1 drawn with
/// probability σ(x·W* + b*) for fixed true weights W*. Rows come one at a time, so a file of them can be written
/// without keeping them in memory.
/// </summary>
/// <remarks>
/// W*[j] = 2·u[j] / √d with u[j] ~ N(0, 1) and b* = 0.25, drawn first from the seed; the logit x·W* then has a
/// standard deviation of about 2 for any d. The same seed gives the same rows on every machine (see
/// <see cref="SeededRandom"/>). <see cref="Datasets.Synthetic"/> collects the rows into a <see cref="Dataset"/>.
/// </remarks>
public sealed class SyntheticRows
{
    private readonly SeededRandom _random;
    private readonly double[] _trueWeights;

    /// <summary>Creates the source for rows of <paramref name="columns"/> features.</summary>
    public SyntheticRows(int columns, long seed)
    {
        Guard.Positive(columns, nameof(columns));
        _random = new SeededRandom(seed);
        _trueWeights = new double[columns];
        double scale = 2.0 / Math.Sqrt(columns);
        for (int j = 0; j < columns; j++)
        {
            _trueWeights[j] = scale * _random.NextNormal();
        }
    }

    /// <summary>d, the number of features per row.</summary>
    public int Columns => _trueWeights.Length;

    /// <summary>W*, the weights the labels are drawn from.</summary>
    public IReadOnlyList<double> TrueWeights => _trueWeights;

    /// <summary>b*, the bias the labels are drawn from.</summary>
    public double TrueBias => 0.25;

    /// <summary>Writes the next row's features into <paramref name="x"/> (d values) and returns its label, 0 or 1.</summary>
    public double Next(Span<double> x)
    {
        Guard.Length(x.Length, Columns, nameof(x));
        double z = TrueBias;
        for (int j = 0; j < x.Length; j++)
        {
            x[j] = _random.NextNormal();
            z += x[j] * _trueWeights[j];
        }

        return _random.NextDouble() < Sigmoid.Compute(z) ? 1.0 : 0.0;
    }
}
