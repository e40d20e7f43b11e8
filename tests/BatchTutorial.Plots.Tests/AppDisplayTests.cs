using System.Globalization;

namespace BatchTutorial.Plots.Tests;

[Collection(CultureCollection.Name)]
public sealed class AppDisplayTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "BatchTutorial.Plots.Tests", Guid.NewGuid().ToString("N"));
    private readonly StringWriter _output = new();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Charts_are_numbered_files_with_printed_paths()
    {
        var display = new AppDisplay(_folder, "03", _output);

        string? first = WithCulture("en-US", () => display.Show(Charts.LossCurves(Runs.Three, language: Language.English)));
        string? second = WithCulture("en-US", () => display.Show(Charts.AccuracyCurves(Runs.Three, language: Language.English)));

        Assert.Equal(Path.Combine(_folder, "03-chart-1.html"), first);
        Assert.Equal(Path.Combine(_folder, "03-chart-2.html"), second);
        Assert.True(File.Exists(first));
        Assert.Contains("Plotly.newPlot(", File.ReadAllText(second!));
        Assert.Equal(2, display.ChartCount);
        Assert.Equal($"Chart 1: {first}{Environment.NewLine}Chart 2: {second}{Environment.NewLine}", _output.ToString());
    }

    [Fact]
    public void Chart_line_follows_ui_culture()
    {
        var display = new AppDisplay(_folder, "00", _output);

        string? path = WithCulture("ja-JP", () => display.Show(Charts.LossCurves(Runs.Three, language: Language.Japanese)));

        Assert.Equal($"グラフ 1: {path}{Environment.NewLine}", _output.ToString());
    }

    [Fact]
    public void Table_prints_as_aligned_text()
    {
        var table = new TextTable("B", "updates").Add(1, 1000).Add(100, 10);

        string? path = new AppDisplay(_folder, "01", _output).Show(table);

        Assert.Null(path);
        Assert.Equal(table.ToString(), _output.ToString());
        Assert.False(Directory.Exists(_folder), "a table must not create the chart folder");
    }

    [Fact]
    public void History_prints_epoch_table()
    {
        WithCulture("en-US", () => new AppDisplay(_folder, "04", _output).Show(Runs.Three[2]));

        string[] lines = _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("epoch | updates | samples seen | training loss", lines[0]);
        Assert.Equal(2 + Runs.Epochs, lines.Length);
        Assert.StartsWith("1     | 5       | 40 ", lines[2]);
    }

    [Fact]
    public void Other_values_print_like_the_kernel()
    {
        var display = new AppDisplay(_folder, "02", _output);
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            // Numbers are formatted with the current culture, as Console.WriteLine formats them.
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            display.Show(0.1 + 0.2);
            display.Show(new[] { 1.5, 2.0 });
            display.Show(null);
            display.Show("text");
            display.Show(new { A = 1, B = 0.5 });
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        string expected = string.Join(Environment.NewLine, "0.30000000000000004", "[ 1.5, 2 ]", "<null>", "text", "{ A = 1, B = 0.5 }") + Environment.NewLine;
        Assert.Equal(expected, _output.ToString());
    }

    [Fact]
    public void History_table_headers_follow_ui_culture()
    {
        TextTable japanese = WithCulture("ja-JP", () => HistoryTable.Create(Runs.Three[0]));
        TextTable english = WithCulture("en-US", () => HistoryTable.Create(Runs.Three[0]));

        Assert.Equal("エポック", japanese.Headers[0]);
        Assert.Equal("累計の学習時間（秒）", japanese.Headers[^1]);
        Assert.Equal("training time so far (s)", english.Headers[^1]);
        Assert.Equal(Runs.Epochs, english.Rows.Count);
    }

    private static T WithCulture<T>(string name, Func<T> action)
    {
        CultureInfo saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
