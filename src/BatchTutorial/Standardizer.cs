namespace BatchTutorial;

/// <summary>
/// Standardization: x' = (x − mean) / std per feature, with mean and std taken from the training data only.
/// </summary>
/// <remarks>
/// The standard deviation is the population one (divide by n), as in scikit-learn's StandardScaler. A feature that is
/// constant in the training data keeps scale 1, so it becomes 0 instead of NaN.
/// </remarks>
public sealed class Standardizer
{
    private Standardizer(double[] means, double[] deviations)
    {
        Means = means;
        Deviations = deviations;
    }

    /// <summary>The mean of each feature in the data the standardizer was fitted on.</summary>
    public IReadOnlyList<double> Means { get; }

    /// <summary>The divisor of each feature: its population standard deviation, or 1 where that is 0.</summary>
    public IReadOnlyList<double> Deviations { get; }

    /// <summary>Takes the mean and standard deviation of each feature of <paramref name="train"/>.</summary>
    public static Standardizer Fit(Dataset train)
    {
        ArgumentNullException.ThrowIfNull(train);
        int n = train.Rows;
        int d = train.Columns;
        var means = new double[d];
        var deviations = new double[d];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = train.Row(i);
            for (int j = 0; j < d; j++)
            {
                means[j] += row[j];
            }
        }

        for (int j = 0; j < d; j++)
        {
            means[j] /= n;
        }

        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = train.Row(i);
            for (int j = 0; j < d; j++)
            {
                double centred = row[j] - means[j];
                deviations[j] += centred * centred;
            }
        }

        for (int j = 0; j < d; j++)
        {
            double deviation = Math.Sqrt(deviations[j] / n);
            deviations[j] = deviation > 0 ? deviation : 1.0;
        }

        return new Standardizer(means, deviations);
    }

    /// <summary>Returns a standardized copy of <paramref name="data"/> (labels shared, features new).</summary>
    public Dataset Transform(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Guard.Length(data.Columns, Means.Count, nameof(data) + "." + nameof(Dataset.Columns));
        int d = data.Columns;
        var x = new double[data.Rows * d];
        for (int i = 0; i < data.Rows; i++)
        {
            ReadOnlySpan<double> row = data.Row(i);
            for (int j = 0; j < d; j++)
            {
                x[i * d + j] = (row[j] - Means[j]) / Deviations[j];
            }
        }

        return new Dataset(x, data.YMemory.ToArray(), d);
    }
}
