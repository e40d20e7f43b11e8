using System.Globalization;
using Plotly.NET;
using Plotly.NET.CSharp;
using Plotly.NET.TraceObjects;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace BatchTutorial.Plots;

public static partial class Charts
{
    /// <summary>
    /// Draws the mean log loss of a two-feature model over a grid of (w1, w2) at a fixed bias b as filled contours.
    /// Each run's parameter path (W after every update, from update 0) lies on top as a line with markers.
    /// </summary>
    /// <remarks>
    /// The runs also move b, so their paths lie on this slice only where their b equals the chart's b. By default
    /// the chart uses the final b of the first run, which makes the slice exact at that run's end point.
    /// </remarks>
    /// <param name="data">Training data with exactly 2 feature columns.</param>
    /// <param name="histories">Runs on that data, trained with <see cref="TrainerOptions.RecordTrajectory"/> set.</param>
    /// <param name="bias">The fixed b of the surface; default: the final b of the first run. Shown in the title.</param>
    /// <param name="w1Range">Range of w1; default: the span of the paths plus a margin (15 % of the span, at least 0.5).</param>
    /// <param name="w2Range">Range of w2; default as for <paramref name="w1Range"/>.</param>
    /// <param name="gridSize">Grid points per axis, at least 2. Default 61.</param>
    /// <param name="language">Label language; default <see cref="Languages.Current"/>.</param>
    /// <exception cref="ArgumentException">
    /// The data or a path does not have 2 weights, a run has no trajectory, a range is empty or not finite, or b is not finite.
    /// </exception>
    public static GenericChart LossContour(Dataset data, IEnumerable<TrainingHistory> histories, double? bias = null, (double Min, double Max)? w1Range = null, (double Min, double Max)? w2Range = null, int gridSize = 61, Language? language = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Columns != 2)
        {
            throw new ArgumentException(ChartErrors.Format(ChartErrors.NeedsTwoWeights, nameof(data), data.Columns), nameof(data));
        }

        List<TrainingHistory> runs = CheckHistories(histories, nameof(histories));
        double b = bias ?? runs[0].Model.Bias;
        if (!double.IsFinite(b))
        {
            throw new ArgumentException(ChartErrors.Format(ChartErrors.MustBeFinite, nameof(bias), b), nameof(bias));
        }

        Language lang = language ?? Languages.Current;
        string title = ChartText.Format(ChartText.ContourTitleWithBias, lang, b.ToString("G4", CultureInfo.InvariantCulture));
        return ContourChart((w1, w2) => new LogisticRegression([w1, w2], b).Loss(data), runs, w1Range, w2Range, gridSize, lang, title);
    }

    /// <summary>
    /// Draws a loss function of two weights as filled contours with each run's parameter path (W after every update,
    /// from update 0) as a line with markers on top.
    /// </summary>
    /// <param name="loss">The loss at (w1, w2), in nats; called gridSize² times.</param>
    /// <param name="histories">Runs with 2 weights, trained with <see cref="TrainerOptions.RecordTrajectory"/> set.</param>
    /// <param name="w1Range">Range of w1; default: the span of the paths plus a margin (15 % of the span, at least 0.5).</param>
    /// <param name="w2Range">Range of w2; default as for <paramref name="w1Range"/>.</param>
    /// <param name="gridSize">Grid points per axis, at least 2. Default 61.</param>
    /// <param name="language">Label language; default <see cref="Languages.Current"/>.</param>
    /// <exception cref="ArgumentException">A path does not have 2 weights, a run has no trajectory, or a range is empty or not finite.</exception>
    public static GenericChart LossContour(Func<double, double, double> loss, IEnumerable<TrainingHistory> histories, (double Min, double Max)? w1Range = null, (double Min, double Max)? w2Range = null, int gridSize = 61, Language? language = null)
    {
        ArgumentNullException.ThrowIfNull(loss);
        List<TrainingHistory> runs = CheckHistories(histories, nameof(histories));
        Language lang = language ?? Languages.Current;
        return ContourChart(loss, runs, w1Range, w2Range, gridSize, lang, ChartText.Get(ChartText.ContourTitle, lang));
    }

    private static GenericChart ContourChart(Func<double, double, double> loss, List<TrainingHistory> runs, (double Min, double Max)? w1Range, (double Min, double Max)? w2Range, int gridSize, Language language, string title)
    {
        if (gridSize < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(gridSize), gridSize, ChartErrors.Format(ChartErrors.MustBeAtLeast, nameof(gridSize), gridSize, 2));
        }

        CheckTrajectories(runs);
        (double Min, double Max) range1 = CheckRange(w1Range ?? PathRange(runs, 0), nameof(w1Range));
        (double Min, double Max) range2 = CheckRange(w2Range ?? PathRange(runs, 1), nameof(w2Range));

        // Grid: w1 along x (columns), w2 along y (rows), so z[j][i] = loss(w1[i], w2[j]) as plotly expects.
        double[] w1 = Grid(range1, gridSize);
        double[] w2 = Grid(range2, gridSize);
        double[][] z = w2.Select(v => w1.Select(u => loss(u, v)).ToArray()).ToArray();

        string lossTitle = ChartText.Get(ChartText.Loss, language);
        var layers = new List<GenericChart>
        {
            PlotlyChart.Contour<double, double, double, string>(
                z, Name: lossTitle, ShowLegend: false, Opacity: 0.6, X: w1, Y: w2,
                ColorBar: TitledColorBar(lossTitle), ColorScale: StyleParam.Colorscale.Greys, ReverseScale: true),
        };

        for (int run = 0; run < runs.Count; run++)
        {
            IReadOnlyList<ParameterSnapshot> path = runs[run].Trajectory;
            Color color = RunColor(run);
            layers.Add(PlotlyChart.Line<double, double, string>(
                path.Select(p => p.Weights[0]).ToArray(),
                path.Select(p => p.Weights[1]).ToArray(),
                ShowMarkers: true,
                Name: ChartText.LegendName(runs[run], language),
                LineColor: color,
                LineWidth: 1.5,
                Marker: SmallMarker(color)));
        }

        string w1Title = ChartText.Format(ChartText.Weight, language, 1);
        string w2Title = ChartText.Format(ChartText.Weight, language, 2);
        return WithLabels(PlotlyChart.Combine(layers), title, w1Title, w2Title);
    }

    /// <summary>Returns a 4-pixel marker, small enough that an online path of thousands of updates stays readable.</summary>
    private static Marker SmallMarker(Color color)
    {
        var marker = new Marker();
        marker.SetProperty("size", 4);
        marker.SetProperty("color", color);
        return marker;
    }

    private static void CheckTrajectories(List<TrainingHistory> runs)
    {
        foreach (TrainingHistory history in runs)
        {
            if (history.Trajectory.Count == 0)
            {
                throw new ArgumentException(ChartErrors.Format(ChartErrors.NoTrajectory, history.Label), "histories");
            }

            int weights = history.Trajectory[0].Weights.Length;
            if (weights != 2)
            {
                throw new ArgumentException(ChartErrors.Format(ChartErrors.NeedsTwoWeights, history.Label, weights), "histories");
            }
        }
    }

    /// <summary>Returns the span of weight <paramref name="index"/> over every path, widened by 15 % of the span and at least 0.5 each side.</summary>
    private static (double Min, double Max) PathRange(List<TrainingHistory> runs, int index)
    {
        double min = runs.Min(h => h.Trajectory.Min(p => p.Weights[index]));
        double max = runs.Max(h => h.Trajectory.Max(p => p.Weights[index]));
        double margin = Math.Max(0.15 * (max - min), 0.5);
        return (min - margin, max + margin);
    }

    private static (double Min, double Max) CheckRange((double Min, double Max) range, string parameterName)
    {
        if (!double.IsFinite(range.Min) || !double.IsFinite(range.Max) || range.Min >= range.Max)
        {
            throw new ArgumentException(ChartErrors.Format(ChartErrors.InvalidRange, parameterName, range.Min, range.Max), parameterName);
        }

        return range;
    }

    /// <summary>Returns <paramref name="count"/> evenly spaced values from Min to Max, both included.</summary>
    private static double[] Grid((double Min, double Max) range, int count)
    {
        double step = (range.Max - range.Min) / (count - 1);
        return Enumerable.Range(0, count).Select(i => i == count - 1 ? range.Max : range.Min + i * step).ToArray();
    }
}
