using System.Text.Json;

namespace BatchTutorial.Plots.Tests;

public class CoverageTests
{
    [Theory]
    [InlineData(Language.Japanese, false, "各バッチが使う行（N = 100, B = 20, 順番どおり）", "行番号 i（0 〜 N - 1）", "エポックとバッチ")]
    [InlineData(Language.Japanese, true, "各バッチが使う行（N = 100, B = 20, エポックごとにシャッフル）", "行番号 i（0 〜 N - 1）", "エポックとバッチ")]
    [InlineData(Language.English, false, "Rows in each batch (N = 100, B = 20, rows in order)", "Row index i (0 to N - 1)", "Epoch and batch")]
    [InlineData(Language.English, true, "Rows in each batch (N = 100, B = 20, shuffled every epoch)", "Row index i (0 to N - 1)", "Epoch and batch")]
    public void Chart_is_titled_in_the_language(Language language, bool shuffle, string title, string xTitle, string yTitle)
    {
        BatchPlan plan = BatchPlan.Create(100, 20, shuffle, seed: 3);

        ChartJson chart = ChartJson.Of(Charts.BatchCoverage(plan, 2, language));

        Assert.Equal(title, chart.Title);
        Assert.Equal(xTitle, chart.XTitle);
        Assert.Equal(yTitle, chart.YTitle);
        Assert.Single(chart.Traces);
    }

    [Theory]
    [MemberData(nameof(Runs.BothLanguages), MemberType = typeof(Runs))]
    public void Rows_are_labelled_by_epoch_and_batch(Language language)
    {
        ChartJson chart = ChartJson.Of(Charts.BatchCoverage(BatchPlan.Create(100, 20), 2, language));

        string[] labels = chart.Traces[0].GetProperty("y").EnumerateArray().Select(v => v.GetString()!).ToArray();
        Assert.Equal(10, labels.Length);
        Assert.Equal(language == Language.Japanese ? "エポック 1・バッチ 1" : "Epoch 1, batch 1", labels[0]);
        Assert.Equal(language == Language.Japanese ? "エポック 2・バッチ 5" : "Epoch 2, batch 5", labels[^1]);
    }

    [Fact]
    public void Sequential_batches_take_consecutive_slices()
    {
        ChartJson chart = ChartJson.Of(Charts.BatchCoverage(BatchPlan.Create(100, 20), 1, Language.English));

        double?[][] z = Cells(chart);
        Assert.Equal(5, z.Length);
        for (int k = 0; k < 5; k++)
        {
            for (int i = 0; i < 100; i++)
            {
                double? expected = i / 20 == k ? k + 1 : null;
                Assert.Equal(expected, z[k][i]);
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_row_is_covered_once_per_epoch(bool shuffle)
    {
        BatchPlan plan = BatchPlan.Create(100, 30, shuffle, seed: 5);

        double?[][] z = Cells(ChartJson.Of(Charts.BatchCoverage(plan, 2, Language.English)));

        // 100 rows, B = 30: 4 batches per epoch (30, 30, 30, 10).
        Assert.Equal(8, z.Length);
        for (int epoch = 0; epoch < 2; epoch++)
        {
            double?[][] batches = z[(4 * epoch)..(4 * epoch + 4)];
            for (int i = 0; i < 100; i++)
            {
                Assert.Equal(1, batches.Count(b => b[i] is not null));
            }

            Assert.Equal([30, 30, 30, 10], batches.Select(b => b.Count(c => c is not null)));
        }
    }

    [Fact]
    public void Shuffled_epochs_use_different_orders()
    {
        double?[][] z = Cells(ChartJson.Of(Charts.BatchCoverage(BatchPlan.Create(100, 20, shuffle: true, seed: 5), 2, Language.English)));

        Assert.NotEqual(z[0], z[5]);
        Assert.NotEqual(Enumerable.Range(0, 20).Select(i => (double?)1), z[0].Take(20));
    }

    [Fact]
    public void Drop_last_leaves_the_remainder_blank()
    {
        double?[][] z = Cells(ChartJson.Of(Charts.BatchCoverage(BatchPlan.Create(100, 30, dropLast: true), 1, Language.English)));

        Assert.Equal(3, z.Length);
        Assert.All(Enumerable.Range(90, 10), i => Assert.All(z, batch => Assert.Null(batch[i])));
    }

    [Fact]
    public void Zero_epochs_are_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Charts.BatchCoverage(BatchPlan.Create(10, 2), 0));

        Assert.Equal("epochs", error.ParamName);
    }

    private static double?[][] Cells(ChartJson chart) =>
        chart.Traces[0].GetProperty("z").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.Null ? (double?)null : c.GetDouble()).ToArray())
            .ToArray();
}
