using Plotly.NET;
using Plotly.NET.CSharp;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace BatchTutorial.Plots;

public static partial class Charts
{
    /// <summary>
    /// Draws measured values as lines, one per series, with the given title and axis titles, e.g. seconds per epoch
    /// against B on log-log axes, or gradient variance against B with a dashed 1 / B guide
    /// (<see cref="LineSeries.FromFunction"/>). Pass labels in the notebook's language (<see cref="ChartText.Get"/>)
    /// and the unit in each axis title.
    /// </summary>
    /// <param name="series">The lines, each named.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xTitle">x-axis title with unit.</param>
    /// <param name="yTitle">y-axis title with unit.</param>
    /// <param name="logX">Logarithmic x-axis; every x must then be above 0. Default false.</param>
    /// <param name="logY">Logarithmic y-axis; every y must then be above 0. Default false.</param>
    /// <exception cref="ArgumentException">No series, an empty title or name, X and Y of different lengths, no points, or a value ≤ 0 on a log axis.</exception>
    public static GenericChart LineChart(IEnumerable<LineSeries> series, string title, string xTitle, string yTitle, bool logX = false, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        CheckTitles(title, xTitle, yTitle);
        List<LineSeries> lines = series.ToList();
        if (lines.Count == 0)
        {
            throw new ArgumentException(ChartErrors.Format(ChartErrors.EmptySeries, nameof(series)), nameof(series));
        }

        var traces = new List<GenericChart>();
        for (int s = 0; s < lines.Count; s++)
        {
            string name = $"{nameof(series)}[{s}]";
            LineSeries line = lines[s] ?? throw new ArgumentNullException(name);
            CheckSeries(line.Name, line.X, line.Y, name);
            CheckLogValues(line.X, logX, name + "." + nameof(LineSeries.X));
            CheckLogValues(line.Y, logY, name + "." + nameof(LineSeries.Y));

            Color color = RunColor(s);
            StyleParam.DrawingStyle dash = line.Dashed ? StyleParam.DrawingStyle.Dash : StyleParam.DrawingStyle.Solid;
            traces.Add(PlotlyChart.Line<double, double, string>(
                line.X.ToArray(), line.Y.ToArray(), ShowMarkers: line.ShowMarkers, Name: line.Name, LineColor: color, MarkerColor: color, LineDash: dash));
        }

        return WithLabels(PlotlyChart.Combine(traces), title, xTitle, yTitle, logX, logY);
    }

    /// <summary>
    /// Draws measured values as vertical bars, grouped by category, one colour per series, e.g. milliseconds per epoch
    /// for each batch size. Pass labels in the notebook's language and the unit in each axis title.
    /// </summary>
    /// <param name="series">The bar groups, each named.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xTitle">x-axis (category) title.</param>
    /// <param name="yTitle">y-axis title with unit.</param>
    /// <param name="logY">Logarithmic y-axis; every value must then be above 0. Default false.</param>
    /// <exception cref="ArgumentException">No series, an empty title or name, categories and values of different lengths, no bars, or a value ≤ 0 on a log axis.</exception>
    public static GenericChart BarChart(IEnumerable<BarSeries> series, string title, string xTitle, string yTitle, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        CheckTitles(title, xTitle, yTitle);
        List<BarSeries> groups = series.ToList();
        if (groups.Count == 0)
        {
            throw new ArgumentException(ChartErrors.Format(ChartErrors.EmptySeries, nameof(series)), nameof(series));
        }

        var traces = new List<GenericChart>();
        for (int s = 0; s < groups.Count; s++)
        {
            string name = $"{nameof(series)}[{s}]";
            BarSeries group = groups[s] ?? throw new ArgumentNullException(name);
            CheckSeries(group.Name, group.Categories, group.Values, name);
            CheckLogValues(group.Values, logY, name + "." + nameof(BarSeries.Values));

            traces.Add(PlotlyChart.Column<double, string, string>(
                group.Values.ToArray(), Keys: group.Categories.ToArray(), Name: group.Name, MarkerColor: RunColor(s)));
        }

        GenericChart chart = WithLabels(PlotlyChart.Combine(traces), title, xTitle, yTitle, logY: logY);
        return chart.WithXAxisStyle<double, double, string>(AxisType: StyleParam.AxisType.Category);
    }

    private static void CheckTitles(string title, string xTitle, string yTitle)
    {
        CheckText(title, nameof(title));
        CheckText(xTitle, nameof(xTitle));
        CheckText(yTitle, nameof(yTitle));
    }

    /// <summary>Throws unless the series has a name and as many x values (or categories) as y values, at least one.</summary>
    private static void CheckSeries<TX>(string name, IReadOnlyList<TX>? x, IReadOnlyList<double>? y, string parameterName)
    {
        if (x is null || y is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        CheckText(name, parameterName + ".Name");
        if (x.Count != y.Count)
        {
            throw new ArgumentException(ChartErrors.Format(ChartErrors.LengthMismatch, parameterName + ".X", x.Count, parameterName + ".Y", y.Count), parameterName);
        }

        if (y.Count == 0)
        {
            throw new ArgumentException(ChartErrors.Format(ChartErrors.EmptySeries, parameterName), parameterName);
        }
    }

    /// <summary>Throws when a logarithmic axis would have to show a value that is not above 0 (plotly would drop it silently).</summary>
    private static void CheckLogValues(IReadOnlyList<double> values, bool logAxis, string parameterName)
    {
        if (!logAxis)
        {
            return;
        }

        for (int i = 0; i < values.Count; i++)
        {
            if (!(values[i] > 0))
            {
                throw new ArgumentException(ChartErrors.Format(ChartErrors.NotPositiveForLogAxis, parameterName, i, values[i]), parameterName);
            }
        }
    }
}
