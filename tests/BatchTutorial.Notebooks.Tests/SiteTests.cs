using System.Text.RegularExpressions;
using BatchTutorial.Runner;
using Microsoft.Playwright;

namespace BatchTutorial.Notebooks.Tests;

[Collection(NotebookRunCollection.Name)]
public sealed partial class SiteTests(NotebookRunFixture run)
{
    private const string ChromiumPath = "/usr/bin/chromium";

    [Fact]
    public void LanguageIndexes_LinkEveryNotebook()
    {
        foreach (string language in new[] { "ja", "en" })
        {
            string index = File.ReadAllText(Path.Combine(run.SiteDirectory, language, "index.html"));

            Assert.Contains($"<html lang=\"{language}\">", index);
            foreach (NotebookResult notebook in run.Result.Notebooks.Where(notebook => notebook.Notebook.Language == language))
            {
                Assert.Contains($"href=\"{notebook.Notebook.Name}.html\"", index);
                Assert.True(File.Exists(Path.Combine(run.SiteDirectory, language, notebook.Notebook.Name + ".html")));
            }
        }
    }

    [Fact]
    public void TopIndex_LinksBothLanguages()
    {
        string index = File.ReadAllText(Path.Combine(run.SiteDirectory, "index.html"));

        Assert.Contains("href=\"ja/index.html\"", index);
        Assert.Contains("href=\"en/index.html\"", index);
    }

    [Fact]
    public void NotebookPages_LoadPlotlyFromOneLocalFile()
    {
        Assert.True(new FileInfo(Path.Combine(run.SiteDirectory, SiteWriter.PlotlyFileName)).Length > 1_000_000, "plotly.min.js is missing or truncated");
        foreach (NotebookResult notebook in run.Result.Notebooks)
        {
            string page = File.ReadAllText(Path.Combine(run.SiteDirectory, notebook.Notebook.Language, notebook.Notebook.Name + ".html"));

            Assert.Contains($"<html lang=\"{notebook.Notebook.Language}\">", page);
            Assert.Contains("<script src=\"../plotly.min.js\"></script>", page);
            Assert.DoesNotContain("data-batchtutorial-plotly-bundle", page);
            Assert.DoesNotMatch(ExternalResource(), page);
        }
    }

    [Fact]
    public void LanguageIndex_ShowsSlowestCells()
    {
        string index = File.ReadAllText(Path.Combine(run.SiteDirectory, "en", "index.html"));

        Assert.Contains("Slowest cells", index);
        Assert.Contains("#!import ../setup.dib", index);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task ChartPage_DrawsChartWithoutNetwork(string language)
    {
        Assert.True(
            File.Exists(ChromiumPath),
            $"{ChromiumPath} not found. The site test drives Debian's Chromium; install it with `apt-get install chromium`.");

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        IPage page = await browser.NewPageAsync();

        var blockedRequests = new List<string>();
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            lock (blockedRequests)
            {
                blockedRequests.Add(route.Request.Url);
            }

            await route.AbortAsync();
        });
        var scriptErrors = new List<string>();
        page.PageError += (_, message) => scriptErrors.Add(message);

        string pagePath = Path.Combine(run.SiteDirectory, language, "00-getting-started.html");
        await page.GotoAsync(new Uri(pagePath).AbsoluteUri);
        await page.WaitForSelectorAsync("svg.main-svg", new PageWaitForSelectorOptions { Timeout = 20_000, State = WaitForSelectorState.Attached });

        Assert.True(await page.Locator("svg.main-svg").CountAsync() > 0);
        string expectedTitle = language == "ja" ? "シグモイド関数" : "The sigmoid function";
        Assert.Equal(expectedTitle, await page.Locator(".gtitle").First.TextContentAsync());
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        Assert.Empty(scriptErrors);
        Assert.Empty(blockedRequests);
    }

    [GeneratedRegex("""(src|href)=["']?(https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();
}
