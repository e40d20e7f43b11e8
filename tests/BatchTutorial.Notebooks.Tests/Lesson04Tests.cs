using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// Checks the executed lesson 04 (three methods on the breast-cancer data) in both languages: the mini-batch test
/// accuracy it prints, the labels of its switchable loss chart and its loss contour, and the contour's fixed bias.
/// </summary>
[Collection(NotebookRunCollection.Name)]
public sealed partial class Lesson04Tests(NotebookRunFixture run)
{
    private const string Name = "04-three-methods-on-real-data";

    // The printed line names "B = 32" and ends with "= <accuracy>" in both languages.
    [GeneratedRegex(@"^.*B = 32.*= (\d+\.\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex MiniBatchAccuracyLine();

    [GeneratedRegex(@"b\* = (-?\d+\.\d+)")]
    private static partial Regex FittedBiasValue();

    [GeneratedRegex(@"var data = (\[.*?\]);\s*\n", RegexOptions.Singleline)]
    private static partial Regex DataAssignment();

    [GeneratedRegex(@"[\u3040-\u30FF\u4E00-\u9FFF]")]
    private static partial Regex JapaneseCharacter();

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void MiniBatchTestAccuracy_IsAtLeast95Percent(string language)
    {
        string output = StandardOutput(ReadExecuted(language));
        Match match = MiniBatchAccuracyLine().Match(output);

        Assert.True(match.Success, $"{language}/{Name}: no line with 'B = 32' ending in '= <accuracy>' in the output:\n{output}");
        double accuracy = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(accuracy, 0.95, 1.0);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void SwitchableChart_IsLabelledInNotebookLanguage(string language)
    {
        JsonObject layout = Assert.Single(ChartLayouts(language), layout => layout["updatemenus"] is not null);
        JsonArray buttons = layout["updatemenus"]![0]!["buttons"]!.AsArray();

        AssertLabelledIn(language, layout);
        Assert.Equal(4, buttons.Count);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void ContourChart_IsLabelledInNotebookLanguage(string language)
    {
        string chart = Assert.Single(ChartOutput.FindChartHtml(ReadExecuted(language)), IsContourChart);
        JsonObject layout = ChartOutput.ReadLayout(chart);

        AssertLabelledIn(language, layout);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void ContourTitle_ShowsPrintedFittedBias(string language)
    {
        JsonObject notebook = ReadExecuted(language);
        Match bias = FittedBiasValue().Match(StandardOutput(notebook));
        Assert.True(bias.Success, $"{language}/{Name}: no 'b* = <value>' line in the output");

        string chart = Assert.Single(ChartOutput.FindChartHtml(notebook), IsContourChart);
        string title = ChartOutput.ReadLayout(chart)["title"]?["text"]?.GetValue<string>() ?? "";
        Assert.Contains($"b = {bias.Groups[1].Value}", title);
    }

    /// <summary>Asserts a title and both axis titles, with Japanese text in the ja notebook and none in the en notebook.</summary>
    private static void AssertLabelledIn(string language, JsonObject layout)
    {
        string[] labels =
        [
            layout["title"]?["text"]?.GetValue<string>() ?? "",
            layout["xaxis"]?["title"]?["text"]?.GetValue<string>() ?? "",
            layout["yaxis"]?["title"]?["text"]?.GetValue<string>() ?? "",
        ];

        foreach (string label in labels)
        {
            Assert.False(string.IsNullOrWhiteSpace(label), $"{language}/{Name}: a chart has an empty title or axis title");
            Assert.True(
                JapaneseCharacter().IsMatch(label) == (language == "ja"),
                $"{language}/{Name}: chart label '{label}' is not in the notebook's language");
        }
    }

    private static bool IsContourChart(string chartHtml)
    {
        Match data = DataAssignment().Match(SiteWriter.RemovePlotlyBundle(chartHtml));
        return data.Success && JsonNode.Parse(data.Groups[1].Value)?[0]?["type"]?.GetValue<string>() == "contour";
    }

    private IEnumerable<JsonObject> ChartLayouts(string language) =>
        ChartOutput.FindChartHtml(ReadExecuted(language)).Select(ChartOutput.ReadLayout);

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
