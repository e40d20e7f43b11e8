namespace BatchTutorial.Plots.Tests;

public class LossCurvesTests
{
    [Theory]
    [InlineData(Language.Japanese, XAxisKind.Updates, "更新回数（回）")]
    [InlineData(Language.Japanese, XAxisKind.Epochs, "エポック（訓練データを通した回数）")]
    [InlineData(Language.Japanese, XAxisKind.SamplesSeen, "処理したサンプル数（行）")]
    [InlineData(Language.Japanese, XAxisKind.Seconds, "経過時間（秒）")]
    [InlineData(Language.English, XAxisKind.Updates, "Updates (count)")]
    [InlineData(Language.English, XAxisKind.Epochs, "Epochs (passes over the training data)")]
    [InlineData(Language.English, XAxisKind.SamplesSeen, "Samples seen (rows)")]
    [InlineData(Language.English, XAxisKind.Seconds, "Elapsed time (s)")]
    public void Axis_titles_carry_units(Language language, XAxisKind x, string expectedXTitle)
    {
        ChartJson chart = ChartJson.Of(Charts.LossCurves(Runs.Three, x, language));

        Assert.Equal(expectedXTitle, chart.XTitle);
        Assert.Equal(language == Language.Japanese ? "損失（nat）" : "Loss (nats)", chart.YTitle);
    }

    [Theory]
    [InlineData(Language.Japanese, "各エポック後の全データでの損失")]
    [InlineData(Language.English, "Loss on the full data after each epoch")]
    public void Title_is_in_the_language(Language language, string expected)
    {
        ChartJson chart = ChartJson.Of(Charts.LossCurves(Runs.Three, language: language));

        Assert.Equal(expected, chart.Title);
    }

    [Fact]
    public void Japanese_trace_names_include_batch_size()
    {
        ChartJson chart = ChartJson.Of(Charts.LossCurves(Runs.Three, language: Language.Japanese));

        string[] expected =
        [
            "バッチ学習（フルバッチ学習） (B = 40)、訓練データ", "バッチ学習（フルバッチ学習） (B = 40)、テストデータ",
            "オンライン学習 (B = 1)、訓練データ", "オンライン学習 (B = 1)、テストデータ",
            "ミニバッチ学習 (B = 8)、訓練データ", "ミニバッチ学習 (B = 8)、テストデータ",
        ];
        Assert.Equal(expected, chart.TraceNames);
    }

    [Fact]
    public void English_trace_names_include_batch_size()
    {
        ChartJson chart = ChartJson.Of(Charts.LossCurves(Runs.Three, language: Language.English));

        string[] expected =
        [
            "Full-batch learning (B = 40), training data", "Full-batch learning (B = 40), test data",
            "Online learning (B = 1), training data", "Online learning (B = 1), test data",
            "Mini-batch learning (B = 8), training data", "Mini-batch learning (B = 8), test data",
        ];
        Assert.Equal(expected, chart.TraceNames);
    }

    [Fact]
    public void Test_curves_are_dashed_and_training_curves_solid()
    {
        ChartJson chart = ChartJson.Of(Charts.LossCurves(Runs.Three, language: Language.English));

        Assert.Equal(["solid", "dash", "solid", "dash", "solid", "dash"], chart.Traces.Select(ChartJson.Dash));
    }

    [Theory]
    [InlineData(XAxisKind.Updates)]
    [InlineData(XAxisKind.Epochs)]
    [InlineData(XAxisKind.SamplesSeen)]
    [InlineData(XAxisKind.Seconds)]
    public void Curves_start_at_initial_loss(XAxisKind x)
    {
        TrainingHistory online = Runs.Three[1];

        ChartJson chart = ChartJson.Of(Charts.LossCurves(Runs.Three, x, Language.English));
        double[] xs = ChartJson.X(chart.Traces[2]);
        double[] ys = ChartJson.Y(chart.Traces[2]);

        Assert.Equal(Runs.Epochs + 1, xs.Length);
        Assert.Equal(0.0, xs[0]);
        Assert.Equal(online.InitialTrainLoss, ys[0], 1e-12);
        Assert.Equal(online.Epochs.Select(e => e.TrainLoss), ys.Skip(1), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void Update_axis_counts_updates()
    {
        ChartJson chart = ChartJson.Of(Charts.LossCurves(Runs.Three, XAxisKind.Updates, Language.English));

        // Full batch: 1 update per epoch; online: 40; B = 8: 5.
        Assert.Equal([0.0, 1, 2, 3], ChartJson.X(chart.Traces[0]));
        Assert.Equal([0.0, 40, 80, 120], ChartJson.X(chart.Traces[2]));
        Assert.Equal([0.0, 5, 10, 15], ChartJson.X(chart.Traces[4]));
    }

    [Fact]
    public void Log_axis_drops_the_point_at_zero()
    {
        ChartJson chart = ChartJson.Of(Charts.LossCurves(Runs.Three, XAxisKind.Updates, Language.English, logX: true));

        Assert.Equal("log", chart.AxisType("xaxis"));
        Assert.Equal([40.0, 80, 120], ChartJson.X(chart.Traces[2]));
        Assert.Equal(Runs.Epochs, ChartJson.Y(chart.Traces[2]).Length);
    }

    [Fact]
    public void Curves_without_test_data()
    {
        ChartJson excluded = ChartJson.Of(Charts.LossCurves(Runs.Three, includeTest: false, language: Language.English));
        ChartJson noTestData = ChartJson.Of(Charts.LossCurves([Runs.Run(8, test: false)], language: Language.English));

        Assert.Equal(3, excluded.Traces.Count);
        Assert.Equal(["Mini-batch learning (B = 8), training data"], noTestData.TraceNames);
    }

    [Theory]
    [InlineData(Language.Japanese, "各エポック後の全データでの正解率", "正解率（0 〜 1）")]
    [InlineData(Language.English, "Accuracy on the full data after each epoch", "Accuracy (0 to 1)")]
    public void Accuracy_curves_start_at_epoch_one(Language language, string title, string yTitle)
    {
        ChartJson chart = ChartJson.Of(Charts.AccuracyCurves(Runs.Three, XAxisKind.Epochs, language));

        Assert.Equal(title, chart.Title);
        Assert.Equal(yTitle, chart.YTitle);
        Assert.Equal(6, chart.Traces.Count);
        Assert.Equal([1.0, 2, 3], ChartJson.X(chart.Traces[0]));
        Assert.Equal(Runs.Three[0].Epochs.Select(e => e.TrainAccuracy), ChartJson.Y(chart.Traces[0]));
    }

    [Fact]
    public void Run_without_epoch_metrics_is_rejected()
    {
        TrainingHistory bare = Runs.Run(8, metrics: false);

        var error = Assert.Throws<ArgumentException>(() => Charts.LossCurves([bare], language: Language.English));

        Assert.Equal("histories", error.ParamName);
        Assert.Contains("RecordEpochMetrics", error.Message);
    }

    [Fact]
    public void Empty_history_list_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.LossCurves([], language: Language.English));

        Assert.Equal("histories", error.ParamName);
    }
}

/// <summary>Compares doubles within an absolute tolerance.</summary>
internal sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;

    public int GetHashCode(double value) => 0;
}
