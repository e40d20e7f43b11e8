namespace BatchTutorial.Plots.Tests;

public class BatchLossTests
{
    [Theory]
    [InlineData(Language.Japanese, "各更新でのバッチの損失（更新前）", "更新回数（回）", "バッチの損失（nat）")]
    [InlineData(Language.English, "Batch loss at each update (before the update)", "Updates (count)", "Batch loss (nats)")]
    public void Chart_is_titled_in_the_language(Language language, string title, string xTitle, string yTitle)
    {
        ChartJson chart = ChartJson.Of(Charts.BatchLossPerUpdate(Runs.Three, language: language));

        Assert.Equal(title, chart.Title);
        Assert.Equal(xTitle, chart.XTitle);
        Assert.Equal(yTitle, chart.YTitle);
    }

    [Theory]
    [MemberData(nameof(Runs.BothLanguages), MemberType = typeof(Runs))]
    public void One_named_trace_per_run(Language language)
    {
        ChartJson chart = ChartJson.Of(Charts.BatchLossPerUpdate(Runs.Three, language: language));

        string[] expected = language == Language.Japanese
            ? ["バッチ学習（フルバッチ学習） (B = 40)", "オンライン学習 (B = 1)", "ミニバッチ学習 (B = 8)"]
            : ["Full-batch learning (B = 40)", "Online learning (B = 1)", "Mini-batch learning (B = 8)"];
        Assert.Equal(expected, chart.TraceNames);
    }

    [Fact]
    public void Trace_has_one_point_per_update()
    {
        TrainingHistory online = Runs.Three[1];

        ChartJson chart = ChartJson.Of(Charts.BatchLossPerUpdate(online, language: Language.English));

        Assert.Single(chart.Traces);
        Assert.Equal(Enumerable.Range(1, 120).Select(u => (double)u), ChartJson.X(chart.Traces[0]));
        Assert.Equal(online.Updates.Select(u => u.BatchLoss), ChartJson.Y(chart.Traces[0]));
    }

    [Fact]
    public void Epoch_axis_uses_fractional_epochs()
    {
        ChartJson chart = ChartJson.Of(Charts.BatchLossPerUpdate(Runs.Run(8), XAxisKind.Epochs, Language.English));

        // 40 rows, B = 8: 5 updates per epoch at 0.2, 0.4, ..., 1.0, then 1.2, ...
        double[] x = ChartJson.X(chart.Traces[0]);
        Assert.Equal(15, x.Length);
        Assert.Equal(0.2, x[0], 1e-12);
        Assert.Equal(1.0, x[4], 1e-12);
        Assert.Equal(3.0, x[^1], 1e-12);
    }

    [Fact]
    public void Seconds_axis_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.BatchLossPerUpdate(Runs.Three, XAxisKind.Seconds, Language.English));

        Assert.Equal("x", error.ParamName);
    }

    [Fact]
    public void Run_without_update_records_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.BatchLossPerUpdate(Runs.Run(8, updates: false)));

        Assert.Contains("RecordUpdates", error.Message);
    }
}
