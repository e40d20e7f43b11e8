namespace BatchTutorial.Plots.Tests;

public class ContourTests
{
    [Theory]
    [InlineData(Language.Japanese, "b = 0.25 での損失の等高線とパラメータの軌跡", "w1（特徴量 1 の重み）", "w2（特徴量 2 の重み）")]
    [InlineData(Language.English, "Loss surface at b = 0.25 and parameter paths", "w1 (weight of feature 1)", "w2 (weight of feature 2)")]
    public void Title_shows_the_fixed_bias(Language language, string title, string xTitle, string yTitle)
    {
        ChartJson chart = ChartJson.Of(Charts.LossContour(Runs.Train, Runs.Three, bias: 0.25, language: language));

        Assert.Equal(title, chart.Title);
        Assert.Equal(xTitle, chart.XTitle);
        Assert.Equal(yTitle, chart.YTitle);
    }

    [Theory]
    [MemberData(nameof(Runs.BothLanguages), MemberType = typeof(Runs))]
    public void One_contour_and_one_path_per_run(Language language)
    {
        ChartJson chart = ChartJson.Of(Charts.LossContour(Runs.Train, Runs.Three, language: language));

        Assert.Equal(4, chart.Traces.Count);
        Assert.Equal("contour", chart.Traces[0].GetProperty("type").GetString());
        string[] expected = language == Language.Japanese
            ? ["損失（nat）", "バッチ学習（フルバッチ学習） (B = 40)", "オンライン学習 (B = 1)", "ミニバッチ学習 (B = 8)"]
            : ["Loss (nats)", "Full-batch learning (B = 40)", "Online learning (B = 1)", "Mini-batch learning (B = 8)"];
        Assert.Equal(expected, chart.TraceNames);
    }

    [Fact]
    public void Paths_follow_the_recorded_weights()
    {
        TrainingHistory online = Runs.Three[1];

        ChartJson chart = ChartJson.Of(Charts.LossContour(Runs.Train, Runs.Three, language: Language.English));

        // 40 rows × 3 epochs = 120 updates, plus the starting point.
        Assert.Equal(121, ChartJson.X(chart.Traces[2]).Length);
        Assert.Equal(online.Trajectory.Select(p => p.Weights[0]), ChartJson.X(chart.Traces[2]));
        Assert.Equal(online.Trajectory.Select(p => p.Weights[1]), ChartJson.Y(chart.Traces[2]));
    }

    [Fact]
    public void Contour_values_are_the_true_loss()
    {
        ChartJson chart = ChartJson.Of(Charts.LossContour(Runs.Train, Runs.Three, bias: 0.25, w1Range: (-2, 2), w2Range: (-1, 3), gridSize: 5, language: Language.English));

        double[] w1 = ChartJson.X(chart.Traces[0]);
        double[] w2 = ChartJson.Y(chart.Traces[0]);
        double[][] z = chart.Traces[0].GetProperty("z").EnumerateArray().Select(ChartJson.Numbers).ToArray();
        Assert.Equal([-2.0, -1, 0, 1, 2], w1);
        Assert.Equal([-1.0, 0, 1, 2, 3], w2);
        Assert.Equal(5, z.Length);
        Assert.All(z, row => Assert.Equal(5, row.Length));

        // Row j is w2[j], column i is w1[i]; expected values from the library's own loss.
        Assert.Equal(new LogisticRegression([1.0, 2.0], 0.25).Loss(Runs.Train), z[3][3], 1e-12);
        Assert.Equal(new LogisticRegression([-2.0, -1.0], 0.25).Loss(Runs.Train), z[0][0], 1e-12);
    }

    [Fact]
    public void Default_bias_comes_from_first_run()
    {
        ChartJson chart = ChartJson.Of(Charts.LossContour(Runs.Train, Runs.Three, language: Language.English));

        string bias = Runs.Three[0].Model.Bias.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"Loss surface at b = {bias} and parameter paths", chart.Title);
    }

    [Fact]
    public void Function_overload_draws_the_given_loss()
    {
        ChartJson chart = ChartJson.Of(Charts.LossContour((a, b) => a * a + b * b, [Runs.Three[2]], (-1, 1), (-1, 1), gridSize: 3, language: Language.English));

        Assert.Equal("Loss surface and parameter paths", chart.Title);
        Assert.Equal([2.0, 1, 2], chart.Traces[0].GetProperty("z")[0].EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(2, chart.Traces.Count);
    }

    [Fact]
    public void Run_without_trajectory_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.LossContour(Runs.Train, [Runs.Run(8, trajectory: false)]));

        Assert.Contains("RecordTrajectory", error.Message);
    }

    [Fact]
    public void Data_with_three_features_is_rejected()
    {
        Dataset three = Datasets.Dummy(10, 3, seed: 0);

        var error = Assert.Throws<ArgumentException>(() => Charts.LossContour(three, Runs.Three));

        Assert.Equal("data", error.ParamName);
    }

    [Fact]
    public void Empty_range_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.LossContour(Runs.Train, Runs.Three, w1Range: (1, 1)));

        Assert.Equal("w1Range", error.ParamName);
    }
}
