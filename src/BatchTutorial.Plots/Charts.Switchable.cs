using Plotly.NET;
using Plotly.NET.LayoutObjects;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace BatchTutorial.Plots;

public static partial class Charts
{
    /// <summary>
    /// Draws the curves of <see cref="LossCurves"/> in one chart whose x-axis a menu inside the chart switches
    /// between updates, epochs, samples seen and seconds. The menu is a plotly "updatemenus" dropdown whose buttons
    /// carry every trace's x values, so it also works in a static HTML page without a kernel.
    /// </summary>
    /// <param name="histories">Runs to compare, trained with epoch metrics on (the default).</param>
    /// <param name="language">Label language; default <see cref="Languages.Current"/>.</param>
    /// <param name="initial">The x-axis shown first. Default: epochs.</param>
    /// <param name="includeTest">Also draw the test loss of runs that were given test data. Default true.</param>
    /// <param name="logX">Use a logarithmic x-axis for every choice (the points at x = 0 are left out). Default false.</param>
    /// <exception cref="ArgumentException">No histories, a null history, or a run trained without epoch metrics.</exception>
    public static GenericChart LossCurvesSwitchable(IEnumerable<TrainingHistory> histories, Language? language = null, XAxisKind initial = XAxisKind.Epochs, bool includeTest = true, bool logX = false) =>
        SwitchableChart(histories, EpochMetric.Loss, language ?? Languages.Current, initial, includeTest, logX);

    /// <summary>
    /// Draws the curves of <see cref="AccuracyCurves"/> in one chart whose x-axis a menu inside the chart switches
    /// between updates, epochs, samples seen and seconds; see <see cref="LossCurvesSwitchable"/>.
    /// </summary>
    /// <inheritdoc cref="LossCurvesSwitchable" path="/param"/>
    /// <exception cref="ArgumentException">No histories, a null history, or a run trained without epoch metrics.</exception>
    public static GenericChart AccuracyCurvesSwitchable(IEnumerable<TrainingHistory> histories, Language? language = null, XAxisKind initial = XAxisKind.Epochs, bool includeTest = true, bool logX = false) =>
        SwitchableChart(histories, EpochMetric.Accuracy, language ?? Languages.Current, initial, includeTest, logX);

    private static GenericChart SwitchableChart(IEnumerable<TrainingHistory> histories, EpochMetric metric, Language language, XAxisKind initial, bool includeTest, bool logX)
    {
        string xTitle = ChartText.Get(HistoryAxes.TitleKey(initial), language);
        List<TrainingHistory> runs = CheckHistories(histories, nameof(histories));
        List<EpochCurve> curves = EpochCurves.Build(runs, metric, includeTest, includeStart: !logX, language, nameof(histories));

        GenericChart chart = PlotlyChart.Combine(curves.Select(c => CurveTrace(c, c.X[initial])));
        (string title, string yTitle) = MetricTitles(metric, language);
        string switchableTitle = ChartText.Format(ChartText.SwitchableTitle, language, title);
        chart = WithLabels(chart, switchableTitle, xTitle, yTitle, logX);
        return Plotly.NET.Chart.withUpdateMenu(XAxisMenu(curves, language, initial), null).Invoke(chart);
    }

    /// <summary>
    /// Returns a dropdown with one button per x-axis kind. Each button calls plotly's "update" method with the x
    /// values of every trace, in trace order, and with the matching x-axis title.
    /// </summary>
    private static UpdateMenu XAxisMenu(IReadOnlyList<EpochCurve> curves, Language language, XAxisKind initial)
    {
        var buttons = new List<UpdateMenuButton>();
        foreach (XAxisKind kind in HistoryAxes.All)
        {
            var traceUpdate = new Dictionary<string, object> { ["x"] = curves.Select(c => c.X[kind]).ToArray() };
            var layoutUpdate = new Dictionary<string, object>
            {
                ["xaxis.title.text"] = ChartText.Get(HistoryAxes.TitleKey(kind), language),
                ["xaxis.autorange"] = true,
            };

            var button = new UpdateMenuButton();
            button.SetProperty("label", ChartText.Get(HistoryAxes.MenuKey(kind), language));
            button.SetProperty("method", "update");
            button.SetProperty("args", new object[] { traceUpdate, layoutUpdate });
            buttons.Add(button);
        }

        // Above the plot's top right corner, clear of the title (top left) and the legend (below the plot).
        var menu = new UpdateMenu();
        menu.SetProperty("buttons", buttons);
        menu.SetProperty("active", HistoryAxes.All.ToList().IndexOf(initial));
        menu.SetProperty("direction", "down");
        menu.SetProperty("showactive", true);
        menu.SetProperty("x", 1.0);
        menu.SetProperty("xanchor", "right");
        menu.SetProperty("y", 1.02);
        menu.SetProperty("yanchor", "bottom");
        return menu;
    }
}
