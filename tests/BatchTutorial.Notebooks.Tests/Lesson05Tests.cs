using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// Checks the executed lesson 05 (batch-size effects) in both languages: the printed gradient-variance ratio, the
/// log axes and labels of the variance chart, and the zero allocations per epoch that its prose relies on.
/// </summary>
[Collection(NotebookRunCollection.Name)]
public sealed partial class Lesson05Tests(NotebookRunFixture run)
{
    private const string Name = "05-batch-size-effects";

    // The 1/B guide trace of the variance chart has this name in both languages.
    private const string GuideTraceName = "σ² / B";

    [GeneratedRegex(@"Var\(B = 64\) / Var\(B = 16\) = (\d+\.\d+)")]
    private static partial Regex VarianceRatioLine();

    [GeneratedRegex(@"var data = (\[.*?\]);\s*\n", RegexOptions.Singleline)]
    private static partial Regex DataAssignment();

    [GeneratedRegex(@"[\u3040-\u30FF\u4E00-\u9FFF]")]
    private static partial Regex JapaneseCharacter();


    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void GradientVarianceRatio_IsBetweenEighthAndHalf(string language)
    {
        string output = StandardOutput(ReadExecuted(language));
        Match match = VarianceRatioLine().Match(output);

        Assert.True(match.Success, $"{language}/{Name}: no 'Var(B = 64) / Var(B = 16) = <ratio>' line in the output:\n{output}");
        double ratio = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(ratio, 1.0 / 8, 1.0 / 2);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void VarianceChart_HasLogAxes(string language)
    {
        JsonObject layout = ChartOutput.ReadLayout(VarianceChart(language));

        Assert.Equal("log", layout["xaxis"]?["type"]?.GetValue<string>());
        Assert.Equal("log", layout["yaxis"]?["type"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void VarianceChart_IsLabelledInNotebookLanguage(string language)
    {
        JsonObject layout = ChartOutput.ReadLayout(VarianceChart(language));
        string[] labels =
        [
            layout["title"]?["text"]?.GetValue<string>() ?? "",
            layout["xaxis"]?["title"]?["text"]?.GetValue<string>() ?? "",
            layout["yaxis"]?["title"]?["text"]?.GetValue<string>() ?? "",
        ];

        foreach (string label in labels)
        {
            Assert.False(string.IsNullOrWhiteSpace(label), $"{language}/{Name}: the variance chart has an empty title or axis title");
            Assert.True(
                JapaneseCharacter().IsMatch(label) == (language == "ja"),
                $"{language}/{Name}: chart label '{label}' is not in the notebook's language");
        }
    }

    [Theory]
    [InlineData("ja", "1 エポックで割り当てたメモリ量（バイト）")]
    [InlineData("en", "bytes allocated per epoch")]
    public void TimingTable_ShowsZeroBytesPerEpoch(string language, string header)
    {
        List<string[]> table = Assert.Single(Tables(ReadExecuted(language)), rows => rows[0].Contains(header));
        int column = Array.IndexOf(table[0], header);

        Assert.Equal(7, table.Count);
        Assert.All(table.Skip(1), row => Assert.Equal("0", row[column]));
    }

    /// <summary>Returns the chart whose traces include the dashed 1/B guide.</summary>
    private string VarianceChart(string language)
    {
        return Assert.Single(ChartOutput.FindChartHtml(ReadExecuted(language)), chart =>
        {
            Match data = DataAssignment().Match(SiteWriter.RemovePlotlyBundle(chart));
            return data.Success && JsonNode.Parse(data.Groups[1].Value)!.AsArray()
                .Any(trace => (trace?["name"]?.GetValue<string>() ?? "").StartsWith(GuideTraceName, StringComparison.Ordinal));
        });
    }

    /// <summary>Returns every TextTable output as rows of decoded cells, the header row first.</summary>
    private static IEnumerable<List<string[]>> Tables(JsonObject notebook)
    {
        foreach (JsonNode? output in NotebookFile.Cells(notebook).SelectMany(cell => cell?["outputs"] as JsonArray ?? []))
        {
            string html = ChartOutput.JoinLines(output?["data"]?["text/html"]);
            if (!html.Contains("batchtutorial-table", StringComparison.Ordinal))
            {
                continue;
            }

            yield return ExecutedNotebook.ParseTable(html).ToList();
        }
    }

    private JsonObject ReadExecuted(string language)
    {
        string path = Path.Combine(run.ArtifactsDirectory, "notebooks", language, Name + ".ipynb");
        Assert.True(File.Exists(path), $"{path} is missing: the notebook failed or was not run.\n{run.Log}");
        return NotebookFile.Read(path);
    }

    private static string StandardOutput(JsonObject notebook) =>
        string.Concat(NotebookFile.Cells(notebook)
            .SelectMany(cell => cell?["outputs"] as JsonArray ?? [])
            .Where(output => output?["output_type"]?.GetValue<string>() == "stream")
            .Select(output => ChartOutput.JoinLines(output?["text"])));
}
