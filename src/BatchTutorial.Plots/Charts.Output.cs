using System.Text;
using Plotly.NET;

namespace BatchTutorial.Plots;

public static partial class Charts
{
    /// <summary>Returns the chart as plotly JSON: an object with "data" (the traces), "layout" and "config".</summary>
    public static string ToJson(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return GenericChart.toJson(chart);
    }

    /// <summary>
    /// Writes the chart as a self-contained HTML page that renders offline: plotly.js (the copy embedded in
    /// Plotly.NET, about 3.6 MB) sits inline in the page, which loads no script from the network. Creates the
    /// folder if needed and overwrites an existing file.
    /// </summary>
    /// <remarks>
    /// Only this chart's display options change, not Plotly.NET's global defaults. The file is UTF-8 with a byte
    /// order mark, because Plotly.NET puts its charset declaration after the inline bundle, past the first 1024
    /// bytes where browsers look for one, and Japanese labels would otherwise depend on the browser's guess.
    /// </remarks>
    /// <param name="chart">The chart to write.</param>
    /// <param name="path">The file to write, usually ending in ".html".</param>
    /// <param name="documentTitle">The page title (browser tab); default: the chart's title.</param>
    public static void SaveHtml(GenericChart chart, string path, string? documentTitle = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        CheckText(path, nameof(path));

        DisplayOptions options = DisplayOptions.setPlotlyReference(PlotlyJSReference.Full).Invoke(new DisplayOptions());
        string? pageTitle = documentTitle ?? ChartTitle(chart);
        if (pageTitle is not null)
        {
            options = DisplayOptions.setDocumentTitle(pageTitle).Invoke(options);
        }

        GenericChart standalone = Plotly.NET.Chart.withDisplayOptions(options).Invoke(chart);
        string fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        File.WriteAllText(fullPath, GenericChart.toEmbeddedHTML(standalone), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    /// <summary>Returns the text of the chart's layout title, or null when it has none.</summary>
    private static string? ChartTitle(GenericChart chart)
    {
        Layout layout = GenericChart.getLayout(chart);
        if (layout.TryGetPropertyValue("title") is { Value: Title title } && title.TryGetPropertyValue("text") is { Value: string text })
        {
            return text;
        }

        return null;
    }
}
