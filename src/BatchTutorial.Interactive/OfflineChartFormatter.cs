using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace BatchTutorial.Interactive;

/// <summary>
/// Formats Plotly.NET charts as <c>text/html</c> that renders without network access.
/// </summary>
/// <remarks>
/// Plotly.NET.Interactive 6.0.0 loads plotly.js from a CDN through require.js, so its charts stay
/// blank offline and in exported pages. This formatter writes the chart with
/// <see cref="PlotlyJSReference.NoReference"/> and puts the bundle embedded in Plotly.NET in front
/// of the first chart of the process (one kernel session). A formatter registered later by the
/// user overrides the one Plotly.NET.Interactive registers.
/// </remarks>
public static class OfflineChartFormatter
{
    private static readonly object Gate = new();
    private static bool _bundleWritten;

    /// <summary>
    /// Registers the formatter for <see cref="GenericChart"/> with
    /// <see cref="Formatter"/> for the <c>text/html</c> MIME type.
    /// </summary>
    public static void Register()
    {
        Formatter.Register<GenericChart>(WriteHtml, HtmlFormatter.MimeType);
    }

    /// <summary>
    /// Writes the chart fragment (a <c>div</c> and the script that calls <c>Plotly.newPlot</c> with the
    /// chart's data and layout as JSON), preceded by the plotly.js bundle the first time it is called.
    /// </summary>
    public static void WriteHtml(GenericChart chart, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(writer);

        if (TakeBundleTurn())
        {
            writer.Write(PlotlyBundle.ToScriptElement(PlotlyBundle.ReadScript()));
        }

        writer.Write(ToFragment(chart));
    }

    /// <summary>
    /// Returns the chart's <c>div</c> and script without any reference to plotly.js.
    /// </summary>
    public static string ToFragment(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);

        DisplayOptions options = GenericChart.getDisplayOptions(chart);
        DisplayOptions offline = DisplayOptions.setPlotlyReference(PlotlyJSReference.NoReference).Invoke(options);
        GenericChart offlineChart = GenericChart.setDisplayOptions(offline, chart);
        return GenericChart.toChartHTML(offlineChart);
    }

    /// <summary>
    /// Makes the next chart carry the plotly.js bundle again, for a front end that lost it
    /// (for example after its outputs were cleared).
    /// </summary>
    public static void ResetBundle()
    {
        lock (Gate)
        {
            _bundleWritten = false;
        }
    }

    private static bool TakeBundleTurn()
    {
        lock (Gate)
        {
            if (_bundleWritten)
            {
                return false;
            }

            _bundleWritten = true;
            return true;
        }
    }
}
