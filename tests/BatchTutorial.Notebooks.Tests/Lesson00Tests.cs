using System.Text.Json.Nodes;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>Checks the executed outputs of lesson 00 (getting started) in both languages.</summary>
[Collection(NotebookRunCollection.Name)]
public sealed class Lesson00Tests(NotebookRunFixture run)
{
    private const string Name = "00-getting-started";

    [Theory]
    [InlineData("ja", "乳がん診断データ: 569 行 × 30 列")]
    [InlineData("en", "breast-cancer data: 569 rows × 30 columns")]
    public void LibraryCell_PrintsSigmoidAndDataSize(string language, string dataLine)
    {
        JsonNode cell = ExecutedNotebook.Read(run, language, Name).CodeCell("Datasets.BreastCancer()");
        string output = ExecutedNotebook.StandardOutput(cell);

        Assert.Contains("σ(0) = 0.5\n", output);
        Assert.Contains(dataLine, output);
    }

    [Fact]
    public void SigmoidChart_IsLabelledInJapanese()
    {
        JsonObject layout = SigmoidChartLayout("ja");

        Assert.Equal("シグモイド関数", Title(layout["title"]));
        Assert.True(ExecutedNotebook.HasJapanese(Title(layout["xaxis"]?["title"])), $"x-axis title '{Title(layout["xaxis"]?["title"])}' is not Japanese");
        Assert.True(ExecutedNotebook.HasJapanese(Title(layout["yaxis"]?["title"])), $"y-axis title '{Title(layout["yaxis"]?["title"])}' is not Japanese");
    }

    [Fact]
    public void SigmoidChart_IsLabelledInEnglish()
    {
        JsonObject layout = SigmoidChartLayout("en");

        Assert.Equal("The sigmoid function", Title(layout["title"]));
        Assert.Equal("z (logit, no unit)", Title(layout["xaxis"]?["title"]));
        Assert.Equal("σ(z) (predicted probability, 0 to 1)", Title(layout["yaxis"]?["title"]));
    }

    private JsonObject SigmoidChartLayout(string language)
    {
        ExecutedNotebook notebook = ExecutedNotebook.Read(run, language, Name);
        string chart = Assert.Single(ChartOutput.FindChartHtml(notebook.Document));
        return ChartOutput.ReadLayout(chart);
    }

    private static string Title(JsonNode? title) => title?["text"]?.GetValue<string>() ?? "";
}
