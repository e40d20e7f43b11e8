namespace BatchTutorial.Plots;

/// <summary>One named line of a <see cref="Charts.LineChart"/>: points (X[i], Y[i]) joined in order.</summary>
/// <param name="Name">Legend entry, already in the chart's language (see <see cref="ChartText"/>).</param>
/// <param name="X">x values.</param>
/// <param name="Y">y values, as many as <paramref name="X"/>.</param>
/// <param name="Dashed">Draw a dashed line, e.g. for a guide such as 1 / B. Default false.</param>
/// <param name="ShowMarkers">Draw a marker at each point. Default true.</param>
public sealed record LineSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, bool Dashed = false, bool ShowMarkers = true)
{
    /// <summary>
    /// Returns a dashed line without markers through (x, f(x)) for each x, for guides such as
    /// <c>LineSeries.FromFunction("1 / B", sizes, b => variance1 / b)</c>.
    /// </summary>
    public static LineSeries FromFunction(string name, IEnumerable<double> x, Func<double, double> f)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(f);
        double[] xs = x.ToArray();
        return new LineSeries(name, xs, xs.Select(f).ToArray(), Dashed: true, ShowMarkers: false);
    }
}

/// <summary>One named group of bars of a <see cref="Charts.BarChart"/>: one bar per category.</summary>
/// <param name="Name">Legend entry, already in the chart's language.</param>
/// <param name="Categories">Category labels along the x-axis, e.g. "B = 1", "B = 16".</param>
/// <param name="Values">Bar heights, as many as <paramref name="Categories"/>.</param>
public sealed record BarSeries(string Name, IReadOnlyList<string> Categories, IReadOnlyList<double> Values);
