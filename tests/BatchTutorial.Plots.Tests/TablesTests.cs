namespace BatchTutorial.Plots.Tests;

public class TablesTests
{
    private static readonly double[] Sizes = [1, 4, 16, 64];

    [Fact]
    public void Line_chart_keeps_given_titles_and_names()
    {
        string title = ChartText.Get(ChartText.TimePerEpoch, Language.Japanese);
        LineSeries measured = new("計測値", Sizes, [12.0, 4, 1.5, 0.9]);

        ChartJson chart = ChartJson.Of(Charts.LineChart([measured], title, "バッチサイズ B（行）", "時間（秒）", logX: true, logY: true));

        Assert.Equal("1 エポックあたりの時間（秒）", chart.Title);
        Assert.Equal("バッチサイズ B（行）", chart.XTitle);
        Assert.Equal("時間（秒）", chart.YTitle);
        Assert.Equal(["計測値"], chart.TraceNames);
        Assert.Equal("log", chart.AxisType("xaxis"));
        Assert.Equal("log", chart.AxisType("yaxis"));
    }

    [Fact]
    public void Guide_line_is_dashed_without_markers()
    {
        LineSeries guide = LineSeries.FromFunction("1 / B", Sizes, b => 2.0 / b);

        ChartJson chart = ChartJson.Of(Charts.LineChart([new LineSeries("variance", Sizes, [2.1, 0.4, 0.13, 0.03]), guide], "Gradient noise", "Batch size B (rows)", "Variance"));

        Assert.Equal(["variance", "1 / B"], chart.TraceNames);
        Assert.Equal("dash", ChartJson.Dash(chart.Traces[1]));
        Assert.Equal("lines", chart.Traces[1].GetProperty("mode").GetString());
        Assert.Equal([2.0, 0.5, 0.125, 0.03125], ChartJson.Y(chart.Traces[1]));
        Assert.Null(chart.AxisType("xaxis"));
    }

    [Fact]
    public void Bar_chart_groups_values_by_category()
    {
        BarSeries seconds = new("C#", ["B = 1", "B = 32"], [0.048, 0.019]);
        BarSeries numpy = new("numpy", ["B = 1", "B = 32"], [11.4, 0.357]);

        ChartJson chart = ChartJson.Of(Charts.BarChart([seconds, numpy], "Time per epoch", "Batch size", "Time (s)", logY: true));

        Assert.Equal("Time per epoch", chart.Title);
        Assert.Equal("Batch size", chart.XTitle);
        Assert.Equal("Time (s)", chart.YTitle);
        Assert.Equal(["C#", "numpy"], chart.TraceNames);
        Assert.All(chart.Traces, t => Assert.Equal("bar", t.GetProperty("type").GetString()));
        Assert.Equal(["B = 1", "B = 32"], chart.Traces[1].GetProperty("x").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal([11.4, 0.357], ChartJson.Y(chart.Traces[1]));
        Assert.Equal("log", chart.AxisType("yaxis"));
    }

    [Theory]
    [InlineData("", "x", "y", "title")]
    [InlineData("t", " ", "y", "xTitle")]
    [InlineData("t", "x", "", "yTitle")]
    public void Untitled_chart_is_rejected(string title, string xTitle, string yTitle, string parameter)
    {
        LineSeries line = new("a", [1.0], [1.0]);

        var error = Assert.Throws<ArgumentException>(() => Charts.LineChart([line], title, xTitle, yTitle));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Unnamed_series_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.LineChart([new LineSeries("", [1.0], [1.0])], "t", "x", "y"));

        Assert.Equal("series[0].Name", error.ParamName);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.LineChart([new LineSeries("a", [1.0, 2.0], [1.0])], "t", "x", "y"));

        Assert.Contains("series[0].X", error.Message);
    }

    [Fact]
    public void Zero_on_a_log_axis_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.BarChart([new BarSeries("a", ["x", "y"], [1.0, 0.0])], "t", "x", "y", logY: true));

        Assert.Equal("series[0].Values", error.ParamName);
        Assert.Contains("series[0].Values[1]", error.Message);
    }
}
