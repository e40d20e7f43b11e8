using System.Text.Json;
using BatchTutorial.Runner;
using Microsoft.Playwright;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// Checks the site's language indexes and how its style sheet lays out the kit's tables.
/// </summary>
[Collection(NotebookRunCollection.Name)]
public sealed class SiteStyleTests(NotebookRunFixture run) : IDisposable
{
    // The HTML that TextTable.ToHtml writes for a table with a text column and two number columns.
    private const string KitTable = """
        <table class="batchtutorial-table" data-number-columns="2 3"><thead><tr><th>method</th><th>B</th><th>loss</th></tr></thead><tbody><tr><td>online learning</td><td>1</td><td>0.6931</td></tr><tr><td>full-batch learning</td><td>1,000</td><td>0.1235</td></tr></tbody></table>
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "batchtutorial-style-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("ja", "ノートブック", "時間のかかったセル")]
    [InlineData("en", "Notebooks", "Slowest cells")]
    public void LanguageIndex_ListsLessonsAndSlowestCells(string language, string heading, string slowestHeading)
    {
        string index = File.ReadAllText(Path.Combine(run.SiteDirectory, language, "index.html"));
        NotebookResult[] notebooks = run.Result.Notebooks.Where(notebook => notebook.Notebook.Language == language).ToArray();

        Assert.Contains($"<h1>{heading}</h1>", index);
        Assert.Contains($"<h2>{slowestHeading}</h2>", index);
        Assert.NotEmpty(notebooks);
        foreach (NotebookResult notebook in notebooks)
        {
            Assert.Contains($"<a href=\"{notebook.Notebook.Name}.html\">{System.Net.WebUtility.HtmlEncode(notebook.Title)}</a>", index);
        }

        // The slowest cell of the language comes first in the second table, with its time.
        CellResult slowest = notebooks.SelectMany(notebook => notebook.Cells).Where(cell => cell.Status != CellStatus.NotRun).MaxBy(cell => cell.Elapsed)!;
        string slowestTable = index[index.IndexOf($"<h2>{slowestHeading}</h2>", StringComparison.Ordinal)..];
        Assert.Contains($"[{slowest.CodeCellNumber}] <code>", slowestTable);
        Assert.Contains($"<td class=\"number\">{slowest.Elapsed.TotalSeconds:F2} s</td>", slowestTable);
    }

    [Fact]
    public void StyleSheet_StylesKitTables()
    {
        string css = File.ReadAllText(Path.Combine(run.SiteDirectory, "style.css"));

        Assert.Contains("table.batchtutorial-table", css);
        Assert.Contains("table.batchtutorial-table[data-number-columns~=\"2\"] tr > :nth-child(2) { text-align: right; }", css);
    }

    [Fact]
    public async Task KitTable_IsBorderedAndAlignsNumbers()
    {
        Directory.CreateDirectory(_folder);
        string page = Path.Combine(_folder, "table.html");
        string styleSheet = new Uri(Path.Combine(run.SiteDirectory, "style.css")).AbsoluteUri;
        File.WriteAllText(page, $"<!DOCTYPE html><html lang=\"en\"><head><link rel=\"stylesheet\" href=\"{styleSheet}\"></head><body><main><div class=\"output html\">{KitTable}</div></main></body></html>");

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ScreenshotOptions.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        IPage browserPage = await browser.NewPageAsync();
        await browserPage.RouteAsync("**/*", route => route.Request.Url.StartsWith("file:", StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
        await browserPage.GotoAsync(new Uri(page).AbsoluteUri);

        JsonElement style = await browserPage.EvaluateAsync<JsonElement>("""
            () => {
                const css = element => getComputedStyle(document.querySelector(element));
                return {
                    numbers: css('table.batchtutorial-table').fontVariantNumeric,
                    textCell: css('tbody td:first-child').textAlign,
                    numberCell: css('tbody td:nth-child(3)').textAlign,
                    numberHeader: css('th:nth-child(2)').textAlign,
                    headerBackground: css('th').backgroundColor,
                    cellBorder: css('tbody td').borderTopWidth,
                    cellPadding: css('tbody td').paddingLeft,
                };
            }
            """);

        Assert.Equal("tabular-nums", style.GetProperty("numbers").GetString());
        Assert.Equal("left", style.GetProperty("textCell").GetString());
        Assert.Equal("right", style.GetProperty("numberCell").GetString());
        Assert.Equal("right", style.GetProperty("numberHeader").GetString());
        Assert.NotEqual("rgba(0, 0, 0, 0)", style.GetProperty("headerBackground").GetString());
        Assert.Equal("1px", style.GetProperty("cellBorder").GetString());
        Assert.NotEqual("0px", style.GetProperty("cellPadding").GetString());
    }
}
