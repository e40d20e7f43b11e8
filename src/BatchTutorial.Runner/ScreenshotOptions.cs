namespace BatchTutorial.Runner;

/// <summary>
/// Settings of the <c>screenshots</c> command.
/// </summary>
/// <param name="SiteDirectory">The site that <c>run</c> wrote, with one folder per language.</param>
/// <param name="OutputDirectory">Where the images go, as <c>lesson{NN}-{language}.png</c>.</param>
/// <param name="Lesson">The two-digit lesson number, or <c>null</c> for <see cref="DefaultLesson"/> with <see cref="FallbackLesson"/> when the site lacks it.</param>
/// <param name="ChartNumber">Which chart of the page (1 = first) the screenshot scrolls to.</param>
/// <param name="Width">The viewport width in CSS pixels.</param>
/// <param name="Height">The viewport height in CSS pixels, which is also the image height.</param>
public sealed record ScreenshotOptions(
    string SiteDirectory,
    string OutputDirectory,
    string? Lesson = null,
    int ChartNumber = 1,
    int Width = 1280,
    int Height = 900)
{
    /// <summary>The lesson shown in the README: the article's code ported to C#.</summary>
    public const string DefaultLesson = "03";

    /// <summary>The lesson used when the site has no page for <see cref="DefaultLesson"/>.</summary>
    public const string FallbackLesson = "00";

    /// <summary>The browser that the command drives; Playwright's own browser builds are never downloaded.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";
}

/// <summary>
/// One screenshot and what the page's DOM held when it was taken.
/// </summary>
/// <param name="Language">The site language folder, ja or en.</param>
/// <param name="PagePath">The HTML page that was opened.</param>
/// <param name="ImagePath">The PNG that was written.</param>
/// <param name="HtmlLang">The <c>lang</c> attribute of the page's <c>html</c> element.</param>
/// <param name="PlotlySvgCount">The number of <c>svg.main-svg</c> elements, which plotly.js draws for each chart.</param>
/// <param name="ChartCount">The number of charts (<c>.js-plotly-plot</c>) on the page.</param>
/// <param name="Heading">The text of the page's first <c>h1</c>.</param>
/// <param name="BodyText">The page's visible text.</param>
/// <param name="BlockedRequests">Requests for anything but a local file, which were aborted.</param>
/// <param name="ScriptErrors">Uncaught script errors of the page.</param>
public sealed record PageScreenshot(
    string Language,
    string PagePath,
    string ImagePath,
    string HtmlLang,
    int PlotlySvgCount,
    int ChartCount,
    string Heading,
    string BodyText,
    IReadOnlyList<string> BlockedRequests,
    IReadOnlyList<string> ScriptErrors);
