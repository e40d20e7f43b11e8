using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// Finds chart outputs in executed notebooks and reads the layout JSON that the chart script carries.
/// </summary>
internal static partial class ChartOutput
{
    [GeneratedRegex(@"var layout = (\{.*?\});\s*\n", RegexOptions.Singleline)]
    private static partial Regex LayoutAssignment();

    /// <summary>Returns the text/html of every output that draws a Plotly chart, in notebook order.</summary>
    public static IReadOnlyList<string> FindChartHtml(JsonObject notebook)
    {
        var charts = new List<string>();
        foreach (JsonNode? cell in NotebookFile.Cells(notebook))
        {
            foreach (JsonNode? output in cell?["outputs"] as JsonArray ?? [])
            {
                string html = JoinLines(output?["data"]?["text/html"]);
                if (html.Contains("Plotly.newPlot", StringComparison.Ordinal))
                {
                    charts.Add(html);
                }
            }
        }

        return charts;
    }

    /// <summary>Parses the chart's <c>var layout = {...};</c> assignment.</summary>
    public static JsonObject ReadLayout(string chartHtml)
    {
        Match match = LayoutAssignment().Match(SiteWriter.RemovePlotlyBundle(chartHtml));
        Assert.True(match.Success, "The chart output has no 'var layout = {...};' assignment.");
        return (JsonObject)JsonNode.Parse(match.Groups[1].Value)!;
    }

    public static string JoinLines(JsonNode? node)
    {
        return node switch
        {
            JsonArray lines => string.Concat(lines.Select(line => line?.GetValue<string>() ?? "")),
            JsonValue value => value.GetValue<string>(),
            _ => "",
        };
    }
}
