using System.Buffers.Binary;
using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// Takes the README screenshots from the fixture's site and checks what the page showed at that moment.
/// </summary>
[Collection(NotebookRunCollection.Name)]
public sealed class ScreenshotTests(NotebookRunFixture run) : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "batchtutorial-screenshots-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [Fact]
    public async Task Screenshots_ShowDrawnChartInPageLanguage()
    {
        // The command falls back to lesson 00 only while the repository has no lesson 03.
        bool hasLesson03 = Directory.GetFiles(Path.Combine(run.RepositoryRoot, "notebooks", "ja"), "03-*.ipynb").Length > 0;
        string lesson = hasLesson03 ? ScreenshotOptions.DefaultLesson : ScreenshotOptions.FallbackLesson;
        var log = new StringWriter();

        IReadOnlyList<PageScreenshot> screenshots = await ScreenshotTaker.TakeAsync(new ScreenshotOptions(run.SiteDirectory, _output), log);

        Assert.Equal(RepositoryLayout.Languages, screenshots.Select(screenshot => screenshot.Language));
        foreach (PageScreenshot screenshot in screenshots)
        {
            NotebookLocation notebook = TestedLessons.Find(run.RepositoryRoot, lesson, screenshot.Language);
            string title = NotebookFile.FindTitle(NotebookFile.Read(notebook.Path)) ?? notebook.Name;

            Assert.Equal(Path.Combine(run.SiteDirectory, screenshot.Language, notebook.Name + ".html"), screenshot.PagePath);
            Assert.Equal(Path.Combine(_output, $"lesson{lesson}-{screenshot.Language}.png"), screenshot.ImagePath);
            Assert.Equal(screenshot.Language, screenshot.HtmlLang);
            Assert.True(screenshot.PlotlySvgCount > 0, $"{screenshot.PagePath}: no svg.main-svg when the screenshot was taken");
            Assert.True(screenshot.ChartCount > 0, $"{screenshot.PagePath}: no .js-plotly-plot when the screenshot was taken");
            Assert.Equal(title, screenshot.Heading);
            Assert.Empty(screenshot.BlockedRequests);
            Assert.Empty(screenshot.ScriptErrors);
            AssertPng(screenshot.ImagePath, width: 1280, height: 900);
        }

        PageScreenshot japanese = screenshots[0];
        Assert.Contains("目次に戻る", japanese.BodyText);
        Assert.True(japanese.Heading.Any(IsKanaOrKanji), $"the ja page's heading '{japanese.Heading}' has no Japanese text");
        Assert.Contains(japanese.Heading, japanese.BodyText);
        Assert.Contains("Back to the index", screenshots[1].BodyText);
        Assert.False(screenshots[1].Heading.Any(IsKanaOrKanji), $"the en page's heading '{screenshots[1].Heading}' is Japanese");
    }

    [Fact]
    public async Task MissingLesson_NamesRunCommand()
    {
        var options = new ScreenshotOptions(run.SiteDirectory, _output, Lesson: "99");

        var exception = await Assert.ThrowsAsync<FileNotFoundException>(() => ScreenshotTaker.TakeAsync(options, TextWriter.Null));

        Assert.Contains("No page for lesson 99", exception.Message);
        Assert.Contains("-- run", exception.Message);
    }

    private static void AssertPng(string path, int width, int height)
    {
        byte[] bytes = File.ReadAllBytes(path);

        // A PNG starts with an 8-byte signature, then the IHDR chunk with the width and height as big-endian integers.
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        Assert.True(bytes.Length > 10_000, $"{path} has only {bytes.Length} bytes, too few for a page with a chart");
    }

    // Hiragana, katakana and the common CJK ideographs.
    private static bool IsKanaOrKanji(char c) => c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff';
}
