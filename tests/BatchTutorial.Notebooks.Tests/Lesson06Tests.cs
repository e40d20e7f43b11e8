using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// Lesson 06 (merits, measured), as executed: the speed-up table, the peak memory of streaming against loading a
/// whole file (measured in child processes), and the stability and time-to-target results.
/// </summary>
[Collection(NotebookRunCollection.Name)]
public sealed partial class Lesson06Tests(NotebookRunFixture run)
{
    private const string Name = "06-merits-measured";

    // Streaming holds one block of batches, so its peak must not follow the file. Loading 1,000,000 rows of 4 columns
    // instead of 100,000 adds 900,000 × 4 doubles (28.8 MB), and growing the lists while reading adds more.
    private const double StreamingGrowthLimitMb = 20;
    private const double LoadAllGrowthMinimumMb = 50;

    [Theory]
    [InlineData("ja", "ストリーミング（stream）: ピークの増加 = ")]
    [InlineData("en", "streaming (stream): peak growth = ")]
    public void StreamingPeak_StaysFlat(string language, string prefix)
    {
        double growth = ReadGrowthMb(language, prefix);

        Assert.True(growth < StreamingGrowthLimitMb, $"{language}: streaming peak grew by {growth} MB from 100,000 to 1,000,000 rows");
    }

    [Theory]
    [InlineData("ja", "全件読み込み（load-all）: ピークの増加 = ")]
    [InlineData("en", "load everything (load-all): peak growth = ")]
    public void LoadAllPeak_GrowsWithFile(string language, string prefix)
    {
        double growth = ReadGrowthMb(language, prefix);

        Assert.True(growth > LoadAllGrowthMinimumMb, $"{language}: load-all peak grew by only {growth} MB from 100,000 to 1,000,000 rows");
    }

    [Theory]
    [InlineData("ja", "一時フォルダを削除しました: True")]
    [InlineData("en", "temporary folder deleted: True")]
    public void MemoryCell_DeletesTemporaryFiles(string language, string expected)
    {
        Assert.Contains(expected, StandardOutput(language));
    }

    [Theory]
    [InlineData("ja", "速度比 1 スレッド（倍）", "1 件ずつのループ（ミリ秒）")]
    [InlineData("en", "speed-up, 1 thread (×)", "per-sample loop (ms)")]
    public void SpeedUpTable_IsPresent(string language, string speedUpHeader, string loopHeader)
    {
        (string[] headers, string[][] rows) = FindTable(language, speedUpHeader);

        Assert.Contains(loopHeader, headers);
        Assert.Equal(["1", "16", "256", "20,000"], rows.Select(row => row[0]).ToArray());
        int speedUp = Array.IndexOf(headers, speedUpHeader);
        foreach (string[] row in rows)
        {
            Assert.True(double.Parse(row[speedUp], CultureInfo.InvariantCulture) > 0, $"{language}: speed-up '{row[speedUp]}' for B = {row[0]}");
        }
    }

    [Theory]
    [InlineData("ja", "論理コア数 (Environment.ProcessorCount): ")]
    [InlineData("en", "logical cores (Environment.ProcessorCount): ")]
    public void CoreCount_IsPrinted(string language, string prefix)
    {
        Assert.Contains(prefix + Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), StandardOutput(language));
    }

    [Theory]
    [InlineData("ja", "バッチ損失の標準偏差")]
    [InlineData("en", "std of batch losses")]
    public void BatchLossSpread_ShrinksWithBatchSize(string language, string header)
    {
        (string[] headers, string[][] rows) = FindTable(language, header);
        int column = Array.IndexOf(headers, header);

        Assert.Equal("B = 1", rows[0][0]);
        Assert.Equal("B = 64", rows[1][0]);
        double online = double.Parse(rows[0][column], CultureInfo.InvariantCulture);
        double miniBatch = double.Parse(rows[1][column], CultureInfo.InvariantCulture);
        Assert.True(online > miniBatch, $"{language}: std {online} for B = 1, {miniBatch} for B = 64");
    }

    [Theory]
    [InlineData("ja", "目標までのエポック数")]
    [InlineData("en", "epochs to target")]
    public void FullBatch_NeedsMostEpochsToTarget(string language, string header)
    {
        (string[] headers, string[][] rows) = FindTable(language, header);
        int column = Array.IndexOf(headers, header);
        int[] epochs = rows.Select(row => int.Parse(row[column], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToArray();

        Assert.Equal(3, epochs.Length);
        Assert.True(epochs[0] < epochs[1], $"{language}: B = 1 took {epochs[0]} epochs, B = 32 took {epochs[1]}");
        Assert.True(epochs[1] < epochs[2], $"{language}: B = 32 took {epochs[1]} epochs, B = N took {epochs[2]}");
    }

    [Theory]
    [InlineData("ja", "1 件ずつのループに対する速度比", "子プロセスのピークのワーキングセット（B = 64、1 エポック）")]
    [InlineData("en", "Speed-up over the per-sample loop", "Peak working set of the child process (B = 64, one epoch)")]
    public void BarCharts_HaveTitlesAndAxisTitles(string language, string speedUpTitle, string memoryTitle)
    {
        JsonObject[] layouts = ChartOutput.FindChartHtml(ReadExecuted(language)).Select(ChartOutput.ReadLayout).ToArray();
        string?[] titles = layouts.Select(layout => layout["title"]?["text"]?.GetValue<string>()).ToArray();

        Assert.Contains(speedUpTitle, titles);
        Assert.Contains(memoryTitle, titles);
        foreach (JsonObject layout in layouts)
        {
            Assert.False(string.IsNullOrWhiteSpace(layout["xaxis"]?["title"]?["text"]?.GetValue<string>()), $"{language}: a chart has no x-axis title");
            Assert.False(string.IsNullOrWhiteSpace(layout["yaxis"]?["title"]?["text"]?.GetValue<string>()), $"{language}: a chart has no y-axis title");
        }
    }

    private double ReadGrowthMb(string language, string prefix)
    {
        string line = StandardOutput(language).Split('\n').SingleOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"{language}/{Name}: no line starts with '{prefix}'");
        Match number = GrowthNumber().Match(line, prefix.Length);
        Assert.True(number.Success, $"{language}: no growth in MB in '{line}'");
        return double.Parse(number.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private JsonObject ReadExecuted(string language)
    {
        return NotebookFile.Read(Path.Combine(run.ArtifactsDirectory, "notebooks", language, Name + ".ipynb"));
    }

    private string StandardOutput(string language)
    {
        return string.Concat(NotebookFile.Cells(ReadExecuted(language))
            .SelectMany(cell => cell?["outputs"] as JsonArray ?? [])
            .Where(output => output?["output_type"]?.GetValue<string>() == "stream")
            .Select(output => ChartOutput.JoinLines(output?["text"])));
    }

    /// <summary>Returns the headers and cells of the first HTML table output whose headers include <paramref name="header"/>.</summary>
    private (string[] Headers, string[][] Rows) FindTable(string language, string header)
    {
        IEnumerable<string> tables = NotebookFile.Cells(ReadExecuted(language))
            .SelectMany(cell => cell?["outputs"] as JsonArray ?? [])
            .Select(output => ChartOutput.JoinLines(output?["data"]?["text/html"]))
            .Where(html => html.Contains("batchtutorial-table", StringComparison.Ordinal));
        foreach (string table in tables)
        {
            IReadOnlyList<string[]> parsed = ExecutedNotebook.ParseTable(table);
            string[] headers = parsed[0];
            if (headers.Contains(header))
            {
                return (headers, parsed.Skip(1).ToArray());
            }
        }

        throw new Xunit.Sdk.XunitException($"{language}/{Name}: no table has the header '{header}'");
    }

    [GeneratedRegex(@"(-?[0-9]+(?:\.[0-9]+)?) MB")]
    private static partial Regex GrowthNumber();

}
