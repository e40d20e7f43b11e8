using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// The lines with numbers that a notebook or its app printed, without timings and memory figures, and the number
/// of charts, so that an app's console output can be compared with the notebook's executed outputs.
/// </summary>
/// <remarks>
/// Tables are compared as "cell | cell" lines: the kernel shows a TextTable as HTML, the app prints it as aligned
/// text. Lines and table columns that mention time, speed or memory are dropped, because those vary between runs.
/// </remarks>
internal sealed partial record PrintedOutput(IReadOnlyList<string> NumberLines, int ChartCount)
{
    /// <summary>Reads the outputs of every code cell after the setup cell of an executed notebook.</summary>
    public static PrintedOutput FromNotebook(JsonObject notebook)
    {
        var lines = new List<string>();
        int charts = 0;
        IEnumerable<JsonNode?> codeCells = NotebookFile.Cells(notebook).Where(cell => NotebookFile.CellType(cell) == "code").Skip(1);
        foreach (JsonNode? output in codeCells.SelectMany(cell => cell?["outputs"] as JsonArray ?? []))
        {
            string type = output?["output_type"]?.GetValue<string>() ?? "";
            string html = ChartOutput.JoinLines(output?["data"]?["text/html"]);
            string plain = ChartOutput.JoinLines(output?["data"]?["text/plain"]);
            if (type == "stream")
            {
                lines.AddRange(SplitLines(ChartOutput.JoinLines(output?["text"])));
            }
            else if (html.Contains("Plotly.newPlot", StringComparison.Ordinal))
            {
                charts++;
            }
            else if (html.Contains("<table", StringComparison.Ordinal))
            {
                lines.AddRange(TableLines(html));
            }
            else if (plain.Length > 0)
            {
                lines.AddRange(SplitLines(plain));
            }
            else if (html.Length > 0)
            {
                lines.AddRange(SplitLines(HtmlText(html)));
            }
        }

        return new PrintedOutput(Normalize(lines), charts);
    }

    /// <summary>Reads an app's standard output; the lines that name a written chart page are counted as charts.</summary>
    public static PrintedOutput FromAppOutput(string output)
    {
        string[] lines = SplitLines(output).ToArray();
        int charts = lines.Count(line => ChartLine().IsMatch(line));
        return new PrintedOutput(Normalize(lines.Where(line => !ChartLine().IsMatch(line))), charts);
    }

    private static IEnumerable<string> SplitLines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    // Writes an HTML table as TextTable.ToString lays it out: a header line, a dashed line, one line per row.
    private static IEnumerable<string> TableLines(string html)
    {
        foreach (Match row in TableRow().Matches(html))
        {
            string[] cells = TableCell().Matches(row.Value).Select(cell => HtmlText(cell.Groups[2].Value).Trim()).ToArray();
            yield return string.Join(" | ", cells);
            if (row.Value.Contains("<th", StringComparison.Ordinal))
            {
                yield return string.Join("-+-", cells.Select(cell => new string('-', Math.Max(cell.Length, 1))));
            }
        }
    }

    // The kernel's HTML for other values: a <pre> with the plain text, or a tree view whose summary is the value's ToString().
    private static string HtmlText(string html)
    {
        string text = StyleElement().Replace(html, "");
        Match summary = Summary().Match(text);
        if (summary.Success)
        {
            text = summary.Groups[1].Value;
        }

        return WebUtility.HtmlDecode(Tag().Replace(text, ""));
    }

    private static List<string> Normalize(IEnumerable<string> lines)
    {
        var result = new List<string>();
        string[] all = lines.ToArray();
        HashSet<int>? droppedColumns = null;
        for (int i = 0; i < all.Length; i++)
        {
            string line = all[i];
            bool startsTable = line.Contains('|') && i + 1 < all.Length && TableRule().IsMatch(all[i + 1]);
            if (startsTable)
            {
                string[] headers = line.Split('|').Select(cell => cell.Trim()).ToArray();
                droppedColumns = Enumerable.Range(0, headers.Length).Where(column => VaryingValue().IsMatch(headers[column])).ToHashSet();
            }
            else if (!line.Contains('|') && !TableRule().IsMatch(line))
            {
                // A line outside a table ends it. The dashed rule under the header belongs to the table.
                droppedColumns = null;
            }

            if (droppedColumns is not null)
            {
                string[] cells = line.Split('|').Select(cell => cell.Trim()).ToArray();
                line = string.Join(" | ", cells.Where((_, column) => !droppedColumns.Contains(column)));
            }

            line = Whitespace().Replace(line, " ").Trim();
            if (line.Any(char.IsAsciiDigit) && !VaryingValue().IsMatch(line))
            {
                result.Add(line);
            }
        }

        return result;
    }

    // Words and units of timings, speed-ups and memory figures, in English and Japanese.
    [GeneratedRegex(@"\b(time|times|timing|seconds?|sec|elapsed|ms|µs|us|ns|speed-?up|faster|slower|throughput|memory|allocated|bytes?|[KMG]i?B|working set)\b|\d\s*s\b|秒|時間|メモリ|速度|倍|バイト", RegexOptions.IgnoreCase)]
    private static partial Regex VaryingValue();

    [GeneratedRegex(@"^(Chart|グラフ) \d+: .*\.html$")]
    private static partial Regex ChartLine();

    [GeneratedRegex(@"^-+(-\+-+)*$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"<tr\b.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"<(th|td)\b[^>]*>(.*?)</\1>", RegexOptions.Singleline)]
    private static partial Regex TableCell();

    [GeneratedRegex(@"<style\b.*?</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    [GeneratedRegex(@"<summary\b[^>]*>(.*?)</summary>", RegexOptions.Singleline)]
    private static partial Regex Summary();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
