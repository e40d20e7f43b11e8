using Plotly.NET;
using Microsoft.FSharp.Core;
using Plotly.NET.CSharp;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace BatchTutorial.Plots;

public static partial class Charts
{
    /// <summary>
    /// Draws which rows each batch takes as a heatmap. Each heatmap row is one batch of one epoch (top: epoch 1,
    /// batch 1), each column one row index of the data. A cell is coloured by the batch number (from 1) where the
    /// batch contains that row, and blank elsewhere. Sequential plans show contiguous blocks like <c>X[i:i+B]</c>,
    /// and shuffled plans a new scatter every epoch. Without drop-last every row is coloured exactly once per epoch.
    /// </summary>
    /// <remarks>
    /// The heatmap has N × (batches per epoch) × epochs cells, so it suits teaching-sized plans such as N = 100 and
    /// B = 20. Online learning on N = 1000 would already draw a million cells.
    /// </remarks>
    /// <param name="plan">The batching of one epoch (N, B, shuffle, seed, drop-last).</param>
    /// <param name="epochs">Epochs to draw, at least 1. Default 1.</param>
    /// <param name="language">Label language; default <see cref="Languages.Current"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> is below 1.</exception>
    public static GenericChart BatchCoverage(BatchPlan plan, int epochs = 1, Language? language = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (epochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(epochs), epochs, ChartErrors.Format(ChartErrors.MustBeAtLeast, nameof(epochs), epochs, 1));
        }

        Language lang = language ?? Languages.Current;
        IReadOnlyList<IReadOnlyList<int[]>> batchRows = plan.BatchRows(epochs);

        var z = new List<double?[]>();
        var labels = new List<string>();
        for (int e = 0; e < batchRows.Count; e++)
        {
            for (int k = 0; k < batchRows[e].Count; k++)
            {
                var cells = new double?[plan.SampleCount];
                foreach (int row in batchRows[e][k])
                {
                    cells[row] = k + 1;
                }

                z.Add(cells);
                labels.Add(ChartText.Format(ChartText.EpochBatchLabel, lang, e + 1, k + 1));
            }
        }

        // Plotly.NET.CSharp's Heatmap takes only IConvertible z values, so the chart is built with zeros and the trace's
        // z then replaced by the real cells, where null (JSON null) leaves a cell blank.
        double[][] zeros = z.Select(cells => new double[cells.Length]).ToArray();
        GenericChart chart = PlotlyChart.Heatmap<double, int, string, string>(
            zeros,
            X: Enumerable.Range(0, plan.SampleCount).ToArray(),
            Y: labels,
            Name: ChartText.Get(ChartText.BatchNumber, lang),
            YGap: 1,
            ColorBar: TitledColorBar(ChartText.Get(ChartText.BatchNumber, lang)),
            ColorScale: StyleParam.Colorscale.Viridis,
            ReverseYAxis: true);
        chart = GenericChart.mapTrace(FuncConvert.FromFunc((Trace trace) => WithZ(trace, z)), chart);

        int batchSize = Math.Min(plan.BatchSize, plan.SampleCount);
        string order = ChartText.Get(plan.Shuffle ? ChartText.ShuffledEachEpoch : ChartText.InOrder, lang);
        string title = ChartText.Format(ChartText.CoverageTitle, lang, plan.SampleCount, batchSize, order);
        chart = WithLabels(chart, title, ChartText.Get(ChartText.RowIndex, lang), ChartText.Get(ChartText.EpochAndBatch, lang));

        // About 24 pixels per batch, within 300 to 900 pixels, so that short plans stay compact and long ones legible.
        return chart.WithSize(Width: Width, Height: Math.Clamp(160 + 24 * labels.Count, 300, 900));
    }

    private static Trace WithZ(Trace trace, List<double?[]> z)
    {
        trace.SetProperty("z", z);
        return trace;
    }

    /// <summary>Returns a colour bar whose title is <paramref name="text"/>.</summary>
    private static ColorBar TitledColorBar(string text)
    {
        var title = new Title();
        title.SetProperty("text", text);
        var colorBar = new ColorBar();
        colorBar.SetProperty("title", title);
        return colorBar;
    }
}
