using Plotly.NET;
using Plotly.NET.CSharp;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace BatchTutorial.Plots;

public static partial class Charts
{
    /// <summary>
    /// Draws the mean log loss on the full training data after each epoch (solid) and on the test data (dashed),
    /// one colour per run, against updates, epochs, samples seen or seconds. Loss curves start at x = 0 with the
    /// loss before the first update, except on a logarithmic x-axis, which cannot show 0.
    /// </summary>
    /// <param name="histories">Runs to compare, trained with epoch metrics on (the default).</param>
    /// <param name="x">What the x-axis counts. Default: epochs.</param>
    /// <param name="language">Label language; default <see cref="Languages.Current"/>.</param>
    /// <param name="includeTest">Also draw the test loss of runs that were given test data. Default true.</param>
    /// <param name="logX">Use a logarithmic x-axis, useful for updates, where runs differ by a factor of N. Default false.</param>
    /// <exception cref="ArgumentException">No histories, a null history, or a run trained without epoch metrics.</exception>
    public static GenericChart LossCurves(IEnumerable<TrainingHistory> histories, XAxisKind x = XAxisKind.Epochs, Language? language = null, bool includeTest = true, bool logX = false) =>
        EpochChart(histories, EpochMetric.Loss, x, language ?? Languages.Current, includeTest, logX);

    /// <summary>
    /// Draws the accuracy on the full training data after each epoch (solid) and on the test data (dashed), one
    /// colour per run, against updates, epochs, samples seen or seconds. The curves start at epoch 1, because the
    /// accuracy before training is not recorded.
    /// </summary>
    /// <inheritdoc cref="LossCurves" path="/param"/>
    /// <exception cref="ArgumentException">No histories, a null history, or a run trained without epoch metrics.</exception>
    public static GenericChart AccuracyCurves(IEnumerable<TrainingHistory> histories, XAxisKind x = XAxisKind.Epochs, Language? language = null, bool includeTest = true, bool logX = false) =>
        EpochChart(histories, EpochMetric.Accuracy, x, language ?? Languages.Current, includeTest, logX);

    /// <summary>
    /// Draws the mean log loss of each batch, measured before its update, against updates, (fractional) epochs or
    /// samples seen: one thin line per run, noisy for small batches. The chart contains one point per update.
    /// </summary>
    /// <param name="histories">Runs to compare, trained with update records on (the default).</param>
    /// <param name="x">What the x-axis counts; <see cref="XAxisKind.Seconds"/> is rejected because updates are not timed one by one. Default: updates.</param>
    /// <param name="language">Label language; default <see cref="Languages.Current"/>.</param>
    /// <param name="logX">Use a logarithmic x-axis. Default false.</param>
    /// <exception cref="ArgumentException">No histories, a null history, a run without update records, or x = Seconds.</exception>
    public static GenericChart BatchLossPerUpdate(IEnumerable<TrainingHistory> histories, XAxisKind x = XAxisKind.Updates, Language? language = null, bool logX = false)
    {
        Language lang = language ?? Languages.Current;
        List<TrainingHistory> runs = CheckHistories(histories, nameof(histories));
        string xTitle = ChartText.Get(HistoryAxes.TitleKey(x), lang);

        var traces = new List<GenericChart>();
        for (int run = 0; run < runs.Count; run++)
        {
            TrainingHistory history = runs[run];
            if (history.Updates.Count == 0)
            {
                throw new ArgumentException(ChartErrors.Format(ChartErrors.NoUpdateRecords, history.Label), nameof(histories));
            }

            int batchesPerEpoch = BatchPlan.CountBatches(history.SampleCount, history.Options.BatchSize, history.Options.DropLast);
            double[] xs = history.Updates.Select(u => HistoryAxes.UpdateX(u, batchesPerEpoch, x, nameof(x))).ToArray();
            double[] ys = history.Updates.Select(u => u.BatchLoss).ToArray();
            Color color = RunColor(run);
            traces.Add(PlotlyChart.Line<double, double, string>(xs, ys, Name: ChartText.LegendName(history, lang), LineColor: color, LineWidth: 1.0));
        }

        string title = ChartText.Get(ChartText.BatchLossTitle, lang);
        return WithLabels(PlotlyChart.Combine(traces), title, xTitle, ChartText.Get(ChartText.BatchLoss, lang), logX);
    }

    /// <summary>Draws the batch loss of one run at each update; see the overload for several runs.</summary>
    public static GenericChart BatchLossPerUpdate(TrainingHistory history, XAxisKind x = XAxisKind.Updates, Language? language = null, bool logX = false)
    {
        ArgumentNullException.ThrowIfNull(history);
        return BatchLossPerUpdate([history], x, language, logX);
    }

    private static GenericChart EpochChart(IEnumerable<TrainingHistory> histories, EpochMetric metric, XAxisKind x, Language language, bool includeTest, bool logX)
    {
        string xTitle = ChartText.Get(HistoryAxes.TitleKey(x), language);
        List<TrainingHistory> runs = CheckHistories(histories, nameof(histories));
        List<EpochCurve> curves = EpochCurves.Build(runs, metric, includeTest, includeStart: !logX, language, nameof(histories));

        GenericChart chart = PlotlyChart.Combine(curves.Select(c => CurveTrace(c, c.X[x])));
        (string title, string yTitle) = MetricTitles(metric, language);
        return WithLabels(chart, title, xTitle, yTitle, logX);
    }

    private static (string Title, string YTitle) MetricTitles(EpochMetric metric, Language language) => metric switch
    {
        EpochMetric.Loss => (ChartText.Get(ChartText.LossCurvesTitle, language), ChartText.Get(ChartText.Loss, language)),
        _ => (ChartText.Get(ChartText.AccuracyCurvesTitle, language), ChartText.Get(ChartText.Accuracy, language)),
    };

    /// <summary>Returns one curve as a line with markers at each epoch, dashed for test data, in its run's colour.</summary>
    private static GenericChart CurveTrace(EpochCurve curve, double[] x)
    {
        Color color = RunColor(curve.RunIndex);
        StyleParam.DrawingStyle dash = curve.IsTest ? StyleParam.DrawingStyle.Dash : StyleParam.DrawingStyle.Solid;
        GenericChart line = PlotlyChart.Line<double, double, string>(
            x, curve.Y, ShowMarkers: true, Name: curve.Name, LineColor: color, MarkerColor: color, LineDash: dash);
        return line.WithTraceInfo(LegendGroup: curve.Group);
    }
}
