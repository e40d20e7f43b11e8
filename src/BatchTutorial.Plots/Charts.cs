using Plotly.NET;
using Plotly.NET.CSharp;

namespace BatchTutorial.Plots;

/// <summary>
/// Plotly.NET charts of training histories, batch plans and measured tables, labelled in Japanese or English.
/// </summary>
/// <remarks>
/// Every chart has a title, axis titles with units and named traces in the requested language (default:
/// <see cref="Languages.Current"/>). Each run has its own colour, and each legend entry names its method and batch size.
/// The builders return a <see cref="GenericChart"/>; show it in a notebook, or write it with <see cref="SaveHtml"/>.
/// </remarks>
public static partial class Charts
{
    /// <summary>Chart width in pixels.</summary>
    private const int Width = 800;

    /// <summary>Chart height in pixels, room for the plot and a legend of a few rows below it.</summary>
    private const int Height = 600;

    // The ten colours of plotly's default "D3" sequence, one per run, so that a run's training and test curves match.
    private static readonly string[] Palette =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    /// <summary>Returns the colour of the run at <paramref name="index"/>, cycling through ten colours.</summary>
    private static Color RunColor(int index) => Color.fromHex(Palette[index % Palette.Length]);

    /// <summary>
    /// Sets the chart's title, axis titles, axis types and size, and puts the legend under the plot, where long
    /// entries (method, batch size and data set) neither squeeze the plot nor cover a colour bar.
    /// </summary>
    private static GenericChart WithLabels(GenericChart chart, string title, string xTitle, string yTitle, bool logX = false, bool logY = false)
    {
        chart = Plotly.NET.Chart.withTitle(title, null).Invoke(chart);
        chart = logX
            ? chart.WithXAxisStyle<double, double, string>(TitleText: xTitle, AxisType: StyleParam.AxisType.Log)
            : chart.WithXAxisStyle<double, double, string>(TitleText: xTitle);
        chart = logY
            ? chart.WithYAxisStyle<double, double, string>(TitleText: yTitle, AxisType: StyleParam.AxisType.Log)
            : chart.WithYAxisStyle<double, double, string>(TitleText: yTitle);
        chart = chart.WithLegendStyle(
            Orientation: StyleParam.Orientation.Horizontal,
            X: 0.0,
            XAnchor: StyleParam.XAnchorPosition.Left,
            Y: -0.18,
            YAnchor: StyleParam.YAnchorPosition.Top);
        return chart.WithSize(Width: Width, Height: Height);
    }

    /// <summary>Copies the histories into a list, throwing when there are none or one is null.</summary>
    private static List<TrainingHistory> CheckHistories(IEnumerable<TrainingHistory> histories, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(histories, parameterName);
        var list = histories.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException(ChartErrors.Format(ChartErrors.NoHistories, parameterName), parameterName);
        }

        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentException(ChartErrors.Format(ChartErrors.NullHistory, parameterName, i), parameterName);
            }
        }

        return list;
    }

    /// <summary>Throws when <paramref name="text"/> is null, empty or white space: every chart is titled and every trace named.</summary>
    private static void CheckText(string text, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(text, parameterName);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException(ChartErrors.Format(ChartErrors.EmptyText, parameterName), parameterName);
        }
    }
}
