using System.Text;
using System.Text.RegularExpressions;

namespace BatchTutorial.Plots.Tests;

public sealed class SaveHtmlTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "BatchTutorial.Plots.Tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Page_embeds_plotly_js()
    {
        string path = Path.Combine(_folder, "charts", "loss.html");

        Charts.SaveHtml(Charts.LossCurves(Runs.Three, language: Language.Japanese), path);
        string html = File.ReadAllText(path);

        Assert.Contains("plotly.js v2.28.0", html);
        Assert.Contains("Plotly.newPlot(", html);
        Assert.True(new FileInfo(path).Length > 3_000_000, $"{path} is {new FileInfo(path).Length} bytes; the inline bundle alone is about 3.6 MB");
    }

    [Fact]
    public void Page_loads_nothing_from_a_CDN()
    {
        string path = Path.Combine(_folder, "loss.html");

        Charts.SaveHtml(Charts.LossCurves(Runs.Three, language: Language.English), path);
        string html = File.ReadAllText(path);

        Assert.DoesNotMatch(@"<script[^>]*\ssrc=", html);
        Assert.DoesNotContain("require.js", html);

        // plotly.js 2.28.0 itself contains one "cdn.plot.ly" string: the default of its topojsonURL setting, read only
        // by geo charts. Any other occurrence would be a reference that loads from the network.
        MatchCollection cdn = Regex.Matches(html, @"cdn\.plot\.ly");
        Assert.Single(cdn);
        Assert.Contains("topojsonURL:{valType:\"string\",noBlank:!0,dflt:\"https://cdn.plot.ly/\"}", html);
    }

    [Fact]
    public void Page_has_BOM_and_chart_title()
    {
        string path = Path.Combine(_folder, "coverage.html");

        Charts.SaveHtml(Charts.BatchCoverage(BatchPlan.Create(100, 20), 1, Language.Japanese), path);
        byte[] bytes = File.ReadAllBytes(path);
        string html = Encoding.UTF8.GetString(bytes);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("<title>各バッチが使う行（N = 100, B = 20, 順番どおり）</title>", html);
    }

    [Fact]
    public void Document_title_can_be_given()
    {
        string path = Path.Combine(_folder, "named.html");

        Charts.SaveHtml(Charts.LossCurves(Runs.Three, language: Language.English), path, documentTitle: "Lesson 04");

        Assert.Contains("<title>Lesson 04</title>", File.ReadAllText(path));
    }

    [Fact]
    public void Saving_leaves_the_chart_unchanged()
    {
        var chart = Charts.LossCurves(Runs.Three, language: Language.English);
        string before = Charts.ToJson(chart);

        Charts.SaveHtml(chart, Path.Combine(_folder, "same.html"));

        Assert.Equal(before, Charts.ToJson(chart));
        Assert.DoesNotContain("plotly.js v2.28.0", Plotly.NET.GenericChart.toChartHTML(chart));
    }
}
