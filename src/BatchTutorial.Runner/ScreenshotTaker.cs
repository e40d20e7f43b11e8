using System.Text.Json;
using Microsoft.Playwright;

namespace BatchTutorial.Runner;

/// <summary>
/// Opens a lesson's site pages in Debian's headless Chromium through Playwright and saves a screenshot of each,
/// scrolled so that one chart is fully visible with the code above it.
/// </summary>
/// <remarks>
/// Every request that is not for a local file is aborted, so the screenshot shows what a reader without network
/// access sees. Playwright's browser download is never used: the browser is <see cref="ScreenshotOptions.ChromiumPath"/>.
/// </remarks>
public static class ScreenshotTaker
{
    private static readonly string[] BrowserArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private const string DomProbe = """
        () => ({
            lang: document.documentElement.getAttribute('lang') ?? '',
            svgCount: document.querySelectorAll('svg.main-svg').length,
            chartCount: document.querySelectorAll('.js-plotly-plot').length,
            heading: document.querySelector('h1')?.textContent ?? '',
            text: document.body.innerText,
        })
        """;

    /// <summary>
    /// Takes one screenshot per language of the lesson in <paramref name="options"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">Chromium or the lesson's page is missing.</exception>
    /// <exception cref="InvalidOperationException">A page drew no chart, has the wrong <c>lang</c>, raised a script error or requested the network.</exception>
    public static async Task<IReadOnlyList<PageScreenshot>> TakeAsync(ScreenshotOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(ScreenshotOptions.ChromiumPath))
        {
            throw new FileNotFoundException(
                $"{ScreenshotOptions.ChromiumPath} not found. The screenshots use Debian's Chromium; install it with `apt-get install chromium`.");
        }

        string lesson = ChooseLesson(options, log);
        Directory.CreateDirectory(options.OutputDirectory);

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ScreenshotOptions.ChromiumPath,
            Headless = true,
            Args = BrowserArguments,
        });

        var screenshots = new List<PageScreenshot>();
        foreach (string language in RepositoryLayout.Languages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string pagePath = FindPage(options.SiteDirectory, language, lesson)
                ?? throw new FileNotFoundException(MissingPageMessage(options.SiteDirectory, language, lesson));
            string imagePath = Path.Combine(options.OutputDirectory, $"lesson{lesson}-{language}.png");

            PageScreenshot screenshot = await CaptureAsync(browser, options, language, pagePath, imagePath);
            Check(screenshot, options.ChartNumber);
            log.WriteLine($"{Path.GetFileName(imagePath)}: {pagePath} (lang=\"{screenshot.HtmlLang}\", {screenshot.ChartCount} charts)");
            screenshots.Add(screenshot);
        }

        return screenshots;
    }

    private static string ChooseLesson(ScreenshotOptions options, TextWriter log)
    {
        if (options.Lesson is not null)
        {
            return options.Lesson;
        }

        bool hasDefault = RepositoryLayout.Languages.All(language => FindPage(options.SiteDirectory, language, ScreenshotOptions.DefaultLesson) is not null);
        if (hasDefault)
        {
            return ScreenshotOptions.DefaultLesson;
        }

        log.WriteLine($"The site has no lesson {ScreenshotOptions.DefaultLesson} in both languages; using lesson {ScreenshotOptions.FallbackLesson}.");
        return ScreenshotOptions.FallbackLesson;
    }

    private static string? FindPage(string siteDirectory, string language, string lesson)
    {
        string folder = Path.Combine(siteDirectory, language);
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, lesson + "-*.html").Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    private static string MissingPageMessage(string siteDirectory, string language, string lesson)
    {
        return $"No page for lesson {lesson} in '{Path.Combine(siteDirectory, language)}'. "
            + "Write the site first: dotnet run --project src/BatchTutorial.Runner -- run";
    }

    private static async Task<PageScreenshot> CaptureAsync(IBrowser browser, ScreenshotOptions options, string language, string pagePath, string imagePath)
    {
        await using IBrowserContext context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = options.Width, Height = options.Height },
            DeviceScaleFactor = 1,
        });
        IPage page = await context.NewPageAsync();

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
        page.PageError += (_, message) =>
        {
            lock (scriptErrors)
            {
                scriptErrors.Add(message);
            }
        };

        await page.GotoAsync(new Uri(pagePath).AbsoluteUri);
        await page.WaitForSelectorAsync("svg.main-svg", new PageWaitForSelectorOptions { Timeout = 30_000, State = WaitForSelectorState.Attached });
        await page.EvaluateAsync("() => document.fonts.ready");

        ILocator charts = page.Locator(".js-plotly-plot");
        int chartCount = await charts.CountAsync();
        if (chartCount >= options.ChartNumber)
        {
            await ScrollToChartAsync(page, charts.Nth(options.ChartNumber - 1), options.Height);
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = imagePath });

        JsonElement dom = await page.EvaluateAsync<JsonElement>(DomProbe);
        lock (blockedRequests)
        {
            lock (scriptErrors)
            {
                return new PageScreenshot(
                    language,
                    pagePath,
                    imagePath,
                    dom.GetProperty("lang").GetString() ?? "",
                    dom.GetProperty("svgCount").GetInt32(),
                    dom.GetProperty("chartCount").GetInt32(),
                    dom.GetProperty("heading").GetString() ?? "",
                    dom.GetProperty("text").GetString() ?? "",
                    blockedRequests.ToList(),
                    scriptErrors.ToList());
            }
        }
    }

    // Puts the chart's bottom edge near the bottom of the viewport, so the code that drew it shows above it.
    private static async Task ScrollToChartAsync(IPage page, ILocator chart, int viewportHeight)
    {
        await chart.ScrollIntoViewIfNeededAsync();
        double bottom = await chart.EvaluateAsync<double>("element => element.getBoundingClientRect().bottom + window.scrollY");
        double top = Math.Max(0, bottom + 24 - viewportHeight);
        await page.EvaluateAsync("y => window.scrollTo(0, y)", top);
    }

    private static void Check(PageScreenshot screenshot, int chartNumber)
    {
        var problems = new List<string>();
        if (screenshot.HtmlLang != screenshot.Language)
        {
            problems.Add($"<html lang> is '{screenshot.HtmlLang}', expected '{screenshot.Language}'");
        }

        if (screenshot.PlotlySvgCount == 0)
        {
            problems.Add("no chart was drawn (no svg.main-svg)");
        }

        if (screenshot.ChartCount < chartNumber)
        {
            problems.Add($"the page has {screenshot.ChartCount} charts, fewer than --chart {chartNumber}");
        }

        if (screenshot.ScriptErrors.Count > 0)
        {
            problems.Add("script errors: " + string.Join("; ", screenshot.ScriptErrors));
        }

        if (screenshot.BlockedRequests.Count > 0)
        {
            problems.Add("requests to the network: " + string.Join(", ", screenshot.BlockedRequests));
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{screenshot.PagePath}: {string.Join("; ", problems)}.");
        }
    }
}
