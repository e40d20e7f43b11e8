using System.Text.Json;

namespace BatchTutorial.Plots.Tests;

public class SwitchableTests
{
    [Theory]
    [InlineData(Language.Japanese, new[] { "更新回数", "エポック", "処理したサンプル数", "経過時間" })]
    [InlineData(Language.English, new[] { "Updates", "Epochs", "Samples seen", "Elapsed time" })]
    public void Menu_has_four_labelled_buttons(Language language, string[] labels)
    {
        ChartJson chart = ChartJson.Of(Charts.LossCurvesSwitchable(Runs.Three, language));

        List<JsonElement> buttons = Buttons(chart);
        Assert.Equal(4, buttons.Count);
        Assert.Equal(labels, buttons.Select(b => b.GetProperty("label").GetString()));
        Assert.All(buttons, b => Assert.Equal("update", b.GetProperty("method").GetString()));
    }

    [Theory]
    [InlineData(Language.Japanese, new[] { "更新回数（回）", "エポック（訓練データを通した回数）", "処理したサンプル数（行）", "経過時間（秒）" })]
    [InlineData(Language.English, new[] { "Updates (count)", "Epochs (passes over the training data)", "Samples seen (rows)", "Elapsed time (s)" })]
    public void Buttons_set_axis_title_and_rescale(Language language, string[] titles)
    {
        ChartJson chart = ChartJson.Of(Charts.LossCurvesSwitchable(Runs.Three, language));

        List<JsonElement> layoutUpdates = Buttons(chart).Select(b => b.GetProperty("args")[1]).ToList();
        Assert.Equal(titles, layoutUpdates.Select(u => u.GetProperty("xaxis.title.text").GetString()));

        // Without autorange the new x values would be drawn in the old axis range.
        Assert.All(layoutUpdates, u => Assert.True(u.GetProperty("xaxis.autorange").GetBoolean()));
    }

    [Fact]
    public void Buttons_carry_x_per_trace()
    {
        ChartJson chart = ChartJson.Of(Charts.LossCurvesSwitchable(Runs.Three, Language.English));

        Assert.Equal(6, chart.Traces.Count);
        foreach (JsonElement button in Buttons(chart))
        {
            List<JsonElement> xs = button.GetProperty("args")[0].GetProperty("x").EnumerateArray().ToList();
            Assert.Equal(chart.Traces.Count, xs.Count);
            for (int t = 0; t < xs.Count; t++)
            {
                Assert.Equal(ChartJson.Y(chart.Traces[t]).Length, xs[t].GetArrayLength());
            }
        }
    }

    [Fact]
    public void Button_x_values_match_the_records()
    {
        TrainingHistory online = Runs.Three[1];

        ChartJson chart = ChartJson.Of(Charts.LossCurvesSwitchable(Runs.Three, Language.English));
        List<JsonElement> buttons = Buttons(chart);
        double[] Online(int button) => ChartJson.Numbers(buttons[button].GetProperty("args")[0].GetProperty("x")[2]);

        Assert.Equal([0.0, 40, 80, 120], Online(0));
        Assert.Equal([0.0, 1, 2, 3], Online(1));
        Assert.Equal([0.0, 40, 80, 120], Online(2));
        Assert.Equal([0.0, .. online.Epochs.Select(e => e.TotalSeconds)], Online(3));
    }

    [Fact]
    public void Initial_axis_is_active()
    {
        ChartJson chart = ChartJson.Of(Charts.LossCurvesSwitchable(Runs.Three, Language.English, XAxisKind.SamplesSeen));

        Assert.Equal(2, chart.Layout.GetProperty("updatemenus")[0].GetProperty("active").GetInt32());
        Assert.Equal("Samples seen (rows)", chart.XTitle);
        Assert.Equal([0.0, 40, 80, 120], ChartJson.X(chart.Traces[0]));
    }

    [Theory]
    [InlineData(Language.Japanese, "各エポック後の全データでの損失（横軸はメニューで切り替え）", "損失（nat）")]
    [InlineData(Language.English, "Loss on the full data after each epoch (pick the x-axis in the menu)", "Loss (nats)")]
    public void Title_mentions_the_menu(Language language, string title, string yTitle)
    {
        ChartJson chart = ChartJson.Of(Charts.LossCurvesSwitchable(Runs.Three, language));

        Assert.Equal(title, chart.Title);
        Assert.Equal(yTitle, chart.YTitle);
    }

    [Fact]
    public void Accuracy_version_switches_the_same_way()
    {
        ChartJson chart = ChartJson.Of(Charts.AccuracyCurvesSwitchable(Runs.Three, Language.English));

        Assert.Equal("Accuracy (0 to 1)", chart.YTitle);
        Assert.Equal(4, Buttons(chart).Count);
        Assert.Equal([1.0, 2, 3], ChartJson.Numbers(Buttons(chart)[1].GetProperty("args")[0].GetProperty("x")[0]));
    }

    private static List<JsonElement> Buttons(ChartJson chart)
    {
        JsonElement menus = chart.Layout.GetProperty("updatemenus");
        Assert.Equal(1, menus.GetArrayLength());
        return menus[0].GetProperty("buttons").EnumerateArray().ToList();
    }
}
