using System.Text.Json.Nodes;
using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// Lesson 07 (summary and exercises), as executed: the recap table is shown, and every checker cell ran the
/// library's checker on the saved placeholder answer, which is wrong on purpose.
/// </summary>
[Collection(NotebookRunCollection.Name)]
public sealed class Lesson07Tests(NotebookRunFixture run)
{
    private const string Name = "07-summary-and-exercises";

    public static TheoryData<string, string, string> Languages() => new()
    {
        { "ja", "練習", "まだ正解ではありません。ヒント: " },
        { "en", "Exercise", "Not correct yet. Hint: " },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public void CheckerCells_PrintWrongForPlaceholders(string language, string exerciseLabel, string wrongVerdict)
    {
        JsonNode?[] checkers = CodeCells(language).Where(cell => NotebookFile.Source(cell).Contains("Exercises.Check", StringComparison.Ordinal)).ToArray();

        Assert.True(checkers.Length >= 5, $"{language}/{Name}: {checkers.Length} checker cells, expected at least 5");
        for (int i = 0; i < checkers.Length; i++)
        {
            string output = StandardOutput(checkers[i]);
            Assert.StartsWith($"{exerciseLabel} {i + 1}: {wrongVerdict}", output);
            Assert.True(output.Trim().Length > $"{exerciseLabel} {i + 1}: {wrongVerdict}".Length, $"{language}/{Name} checker {i + 1} printed no hint: {output}");
        }
    }

    [Theory]
    [InlineData("ja", "バッチ学習（フルバッチ学習）", "オンライン学習", "ミニバッチ学習", "勾配のばらつき")]
    [InlineData("en", "Full-batch learning", "Online learning", "Mini-batch learning", "gradient noise")]
    public void RecapTable_NamesThreeMethods(string language, string fullBatch, string online, string miniBatch, string noiseHeader)
    {
        string table = HtmlOutputs(language).First(html => html.Contains("batchtutorial-table", StringComparison.Ordinal));

        Assert.Contains(fullBatch, table);
        Assert.Contains(online, table);
        Assert.Contains(miniBatch, table);
        Assert.Contains(noiseHeader, table);
        // Updates per epoch for N = 1000: full batch 1, online 1,000, mini-batch B = 100: 10.
        Assert.Matches(@"<td(\s[^>]*)?>1,000</td>", table);
        Assert.Matches(@"<td(\s[^>]*)?>10</td>", table);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void AnswerCells_ShowNoReferenceSolution(string language)
    {
        string[] answers = CodeCells(language).Select(NotebookFile.Source).Where(source => source.Contains("your answer", StringComparison.Ordinal)).ToArray();

        Assert.True(answers.Length >= 5, $"{language}/{Name}: {answers.Length} answer cells");
        Assert.DoesNotContain(answers, source => source.Contains("= 39;", StringComparison.Ordinal));
        Assert.DoesNotContain(answers, source => source.Contains("= 3;", StringComparison.Ordinal));
        Assert.DoesNotContain(answers, source => source.Contains("= 1;", StringComparison.Ordinal));
        Assert.DoesNotContain(answers, source => source.Contains("'a'", StringComparison.Ordinal));
        Assert.DoesNotContain(answers, source => source.Contains("=> rows;", StringComparison.Ordinal));
    }

    private IEnumerable<JsonNode?> CodeCells(string language)
    {
        JsonObject notebook = NotebookFile.Read(Path.Combine(run.ArtifactsDirectory, "notebooks", language, Name + ".ipynb"));
        return NotebookFile.Cells(notebook).Where(cell => NotebookFile.CellType(cell) == "code");
    }

    private IEnumerable<string> HtmlOutputs(string language)
    {
        return CodeCells(language)
            .SelectMany(cell => cell?["outputs"] as JsonArray ?? [])
            .Select(output => ChartOutput.JoinLines(output?["data"]?["text/html"]))
            .Where(html => html.Length > 0);
    }

    private static string StandardOutput(JsonNode? cell)
    {
        return string.Concat((cell?["outputs"] as JsonArray ?? [])
            .Where(output => output?["output_type"]?.GetValue<string>() == "stream")
            .Select(output => ChartOutput.JoinLines(output?["text"])));
    }
}
