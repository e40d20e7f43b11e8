using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Markdig;

namespace BatchTutorial.Runner;

/// <summary>
/// Writes the static site: a top index, an index per language and one page per executed notebook.
/// </summary>
/// <remarks>
/// Pages load plotly.js from one local file (<c>plotly.min.js</c> at the site root) instead of the copy
/// that the first chart of each notebook carries, so the site works with no network access.
/// </remarks>
internal static partial class SiteWriter
{
    /// <summary>The site-relative name of the plotly.js file.</summary>
    public const string PlotlyFileName = "plotly.min.js";

    private const string PlotlyResourceName = "Plotly.NET.plotly-2.28.0.min.js";
    private const int SlowestCellCount = 10;

    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    // The <script> element that BatchTutorial.Interactive puts in front of the first chart of a kernel session.
    [GeneratedRegex("""<script[^>]*\sdata-batchtutorial-plotly-bundle\b[^>]*>.*?</script>\s*""", RegexOptions.Singleline)]
    private static partial Regex PlotlyBundleScript();

    public static string Write(string siteDirectory, IReadOnlyList<(NotebookResult Result, JsonObject Executed)> notebooks)
    {
        Directory.CreateDirectory(siteDirectory);
        File.WriteAllText(Path.Combine(siteDirectory, PlotlyFileName), ReadPlotlyScript());
        File.WriteAllText(Path.Combine(siteDirectory, "style.css"), StyleSheet);

        foreach (string language in RepositoryLayout.Languages)
        {
            var inLanguage = notebooks.Where(entry => entry.Result.Notebook.Language == language).ToList();
            string languageDirectory = Path.Combine(siteDirectory, language);
            Directory.CreateDirectory(languageDirectory);
            foreach ((NotebookResult result, JsonObject executed) in inLanguage)
            {
                File.WriteAllText(Path.Combine(languageDirectory, result.Notebook.Name + ".html"), RenderNotebookPage(result, executed));
            }

            File.WriteAllText(Path.Combine(languageDirectory, "index.html"), RenderLanguageIndex(language, inLanguage.Select(entry => entry.Result).ToList()));
        }

        string topIndex = Path.Combine(siteDirectory, "index.html");
        File.WriteAllText(topIndex, RenderTopIndex());
        return topIndex;
    }

    /// <summary>Reads the plotly.js bundle embedded in Plotly.NET.</summary>
    public static string ReadPlotlyScript()
    {
        Assembly plotly = Assembly.Load(new AssemblyName("Plotly.NET"));
        using Stream stream = plotly.GetManifestResourceStream(PlotlyResourceName)
            ?? throw new InvalidOperationException($"Plotly.NET {plotly.GetName().Version} has no embedded resource '{PlotlyResourceName}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Removes the inline plotly.js bundle from a notebook's HTML output.</summary>
    public static string RemovePlotlyBundle(string html) => PlotlyBundleScript().Replace(html, "");

    private static string RenderNotebookPage(NotebookResult result, JsonObject executed)
    {
        SiteText text = SiteText.For(result.Notebook.Language);
        var body = new StringBuilder();
        body.AppendLine($"""<p class="nav"><a href="index.html">{Encode(text.BackToIndex)}</a></p>""");
        if (!result.Succeeded)
        {
            body.AppendLine($"""<p class="failed">{Encode(text.Failed)}: {Encode(result.Error ?? result.FailedCell?.Error ?? "")}</p>""");
        }

        var timings = result.Cells.ToDictionary(cell => cell.CellIndex);
        JsonArray cells = NotebookFile.Cells(executed);
        for (int index = 0; index < cells.Count; index++)
        {
            JsonNode? cell = cells[index];
            string source = NotebookFile.Source(cell);
            switch (NotebookFile.CellType(cell))
            {
                case "markdown":
                    body.AppendLine($"""<section class="markdown">{Markdig.Markdown.ToHtml(source, Markdown)}</section>""");
                    break;
                case "code":
                    timings.TryGetValue(index, out CellResult? timing);
                    body.AppendLine(RenderCodeCell(source, cell?["outputs"] as JsonArray, timing, text));
                    break;
            }
        }

        return RenderPage(result.Notebook.Language, result.Title, "../", body.ToString());
    }

    private static string RenderCodeCell(string source, JsonArray? outputs, CellResult? timing, SiteText text)
    {
        var html = new StringBuilder();
        html.AppendLine("""<section class="code-cell">""");
        string meta = timing switch
        {
            null => "",
            { Status: CellStatus.NotRun } => $"[{timing.CodeCellNumber}] {text.NotRun}",
            _ => $"[{timing.CodeCellNumber}] {timing.Elapsed.TotalSeconds:F2} s",
        };
        html.AppendLine($"""<div class="cell-meta">{Encode(meta)}</div>""");
        html.AppendLine($"""<pre class="source"><code class="language-csharp">{Encode(source)}</code></pre>""");
        foreach (JsonNode? output in outputs ?? [])
        {
            html.AppendLine(RenderOutput(output));
        }

        html.AppendLine("</section>");
        return html.ToString();
    }

    private static string RenderOutput(JsonNode? output)
    {
        string outputType = output?["output_type"]?.GetValue<string>() ?? "";
        switch (outputType)
        {
            case "stream":
                string streamName = output?["name"]?.GetValue<string>() ?? "stdout";
                return $"""<pre class="output {Encode(streamName)}">{Encode(JoinLines(output?["text"]))}</pre>""";
            case "error":
                string message = string.Join("\n", (output?["traceback"] as JsonArray ?? []).Select(line => line?.GetValue<string>() ?? ""));
                return $"""<pre class="output error">{Encode(message)}</pre>""";
            case "display_data" or "execute_result":
                return RenderMimeBundle(output?["data"] as JsonObject);
            default:
                return "";
        }
    }

    private static string RenderMimeBundle(JsonObject? data)
    {
        if (data is null)
        {
            return "";
        }

        if (data["text/html"] is { } html)
        {
            return $"""<div class="output html">{RemovePlotlyBundle(JoinLines(html))}</div>""";
        }

        if (data["image/svg+xml"] is { } svg)
        {
            return $"""<div class="output image">{JoinLines(svg)}</div>""";
        }

        if (data["image/png"] is { } png)
        {
            return $"""<div class="output image"><img alt="" src="data:image/png;base64,{JoinLines(png).Trim()}"></div>""";
        }

        if (data["text/markdown"] is { } markdown)
        {
            return $"""<div class="output markdown">{Markdig.Markdown.ToHtml(JoinLines(markdown), Markdown)}</div>""";
        }

        if (data["text/plain"] is { } plain)
        {
            return $"""<pre class="output">{Encode(JoinLines(plain))}</pre>""";
        }

        return "";
    }

    private static string RenderLanguageIndex(string language, IReadOnlyList<NotebookResult> results)
    {
        SiteText text = SiteText.For(language);
        var body = new StringBuilder();
        body.AppendLine($"""<p class="nav"><a href="../index.html">BatchTutorial</a></p>""");
        body.AppendLine($"<h1>{Encode(text.NotebooksHeading)}</h1>");
        body.AppendLine($"""<table class="index"><thead><tr><th>{Encode(text.NotebookColumn)}</th><th>{Encode(text.StatusColumn)}</th><th class="number">{Encode(text.TimeColumn)}</th><th class="number">{Encode(text.KernelStart)}</th></tr></thead><tbody>""");
        foreach (NotebookResult result in results)
        {
            string status = result.Succeeded ? text.Passed : text.Failed;
            body.AppendLine(
                $"""<tr><td><a href="{Encode(result.Notebook.Name)}.html">{Encode(result.Title)}</a></td>"""
                + $"""<td class="{(result.Succeeded ? "passed" : "failed")}">{Encode(status)}</td>"""
                + $"""<td class="number">{result.Total.TotalSeconds:F1} s</td><td class="number">{result.KernelStart.TotalSeconds:F1} s</td></tr>""");
        }

        body.AppendLine("</tbody></table>");

        var slowest = new RunResult(results, "").SlowestCells(SlowestCellCount);
        if (slowest.Count > 0)
        {
            body.AppendLine($"<h2>{Encode(text.SlowestCellsHeading)}</h2>");
            body.AppendLine($"""<table class="index slowest"><thead><tr><th>{Encode(text.NotebookColumn)}</th><th>{Encode(text.CellColumn)}</th><th class="number">{Encode(text.TimeColumn)}</th></tr></thead><tbody>""");
            foreach ((NotebookResult notebook, CellResult cell) in slowest)
            {
                body.AppendLine(
                    $"""<tr><td><a href="{Encode(notebook.Notebook.Name)}.html">{Encode(notebook.Notebook.Name)}</a></td>"""
                    + $"""<td>[{cell.CodeCellNumber}] <code>{Encode(cell.FirstLine)}</code></td><td class="number">{cell.Elapsed.TotalSeconds:F2} s</td></tr>""");
            }

            body.AppendLine("</tbody></table>");
        }

        return RenderPage(language, $"BatchTutorial — {text.NotebooksHeading}", "../", body.ToString());
    }

    private static string RenderTopIndex()
    {
        var body = new StringBuilder();
        body.AppendLine("<h1>BatchTutorial</h1>");
        body.AppendLine("<ul>");
        foreach (string language in RepositoryLayout.Languages)
        {
            SiteText text = SiteText.For(language);
            body.AppendLine($"""<li lang="{language}"><a href="{language}/index.html">{Encode(text.LanguageName)}: {Encode(text.NotebooksHeading)}</a></li>""");
        }

        body.AppendLine("</ul>");
        return RenderPage("en", "BatchTutorial", "", body.ToString());
    }

    private static string RenderPage(string language, string title, string rootPrefix, string body)
    {
        return $"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)}</title>
            <link rel="stylesheet" href="{rootPrefix}style.css">
            <script src="{rootPrefix}{PlotlyFileName}"></script>
            </head>
            <body>
            <main>
            {body}
            </main>
            </body>
            </html>

            """;
    }

    private static string JoinLines(JsonNode? node)
    {
        return node switch
        {
            JsonArray lines => string.Concat(lines.Select(line => line?.GetValue<string>() ?? "")),
            JsonValue value => value.GetValue<string>(),
            _ => "",
        };
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static readonly string StyleSheet = """
        body { font-family: "Noto Sans CJK JP", "Noto Sans", system-ui, sans-serif; margin: 0; color: #1b1f24; }
        main { max-width: 960px; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
        pre { overflow-x: auto; padding: 0.6rem 0.8rem; border-radius: 4px; }
        pre.source { background: #f3f5f8; border-left: 3px solid #5b7bb2; }
        pre.output { background: #fff; border-left: 3px solid #c9d1dc; }
        pre.output.stderr, pre.output.error, p.failed { color: #a4161a; }
        .cell-meta { color: #6a737d; font-size: 0.8rem; margin-top: 1.2rem; }
        table { border-collapse: collapse; } th, td { padding: 0.3rem 0.8rem; border-bottom: 1px solid #dde2e8; text-align: left; }
        td.passed { color: #1a7f37; } td.failed { color: #a4161a; }
        table.index td:first-child, table.index .number { white-space: nowrap; } table.index .number { text-align: right; }
        .output.html { overflow-x: auto; }
        table.batchtutorial-table { margin: 0.6rem 0; font-size: 0.9rem; font-variant-numeric: tabular-nums; border: 1px solid #c9d1dc; }
        table.batchtutorial-table th, table.batchtutorial-table td { padding: 0.35rem 0.8rem; border: 1px solid #dde2e8; white-space: nowrap; }
        table.batchtutorial-table thead th { background: #eef2f7; font-weight: 600; border-bottom: 2px solid #b7c3d3; vertical-align: bottom; }
        table.batchtutorial-table tbody tr:nth-child(even) { background: #f7f9fb; }
        table.batchtutorial-table tbody tr:hover { background: #e8f0fb; }
        """ + "\n" + NumberColumnRules();

    // TextTable.ToHtml lists the columns that hold only numbers in data-number-columns="2 3". CSS cannot read a
    // position from an attribute, so the sheet has one rule per position.
    // NOTE: number columns past MaxNumberColumn stay left-aligned.
    private const int MaxNumberColumn = 24;

    private static string NumberColumnRules()
    {
        var rules = new StringBuilder();
        for (int column = 1; column <= MaxNumberColumn; column++)
        {
            rules.Append($"table.batchtutorial-table[data-number-columns~=\"{column}\"] tr > :nth-child({column}) {{ text-align: right; }}\n");
        }

        return rules.ToString();
    }
}
