using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>Checks the executed outputs of lesson 02 (batch size) in both languages.</summary>
[Collection(NotebookRunCollection.Name)]
public sealed partial class Lesson02Tests(NotebookRunFixture run)
{
    private const string Name = "02-batch-size";

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void SliceTable_StartsEveryTwentyRows(string language)
    {
        JsonNode cell = ExecutedNotebook.Read(run, language, Name).CodeCell("sliceTable");
        IReadOnlyList<string[]> table = ExecutedNotebook.Table(cell);

        // For N = 100 and B = 20, column 1 is i, column 2 the numpy slice and column 4 the rows in the batch.
        Assert.Equal(["0", "20", "40", "60", "80"], ExecutedNotebook.Column(table, 1));
        Assert.Equal("X[0:20]", table[1][2]);
        Assert.Equal("X[80:100]", table[^1][2]);
        Assert.All(ExecutedNotebook.Column(table, 4), count => Assert.Equal("20", count));
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void BatchSizes_EndWithPartialBatch(string language)
    {
        JsonNode cell = ExecutedNotebook.Read(run, language, Name).CodeCell("sizePlan");
        string output = ExecutedNotebook.StandardOutput(cell);

        Assert.Equal(Enumerable.Repeat(100, 10), BatchRows(output, 100));
        Assert.Equal([300, 300, 300, 100], BatchRows(output, 300));
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void LastBatchGradient_ShrinksToThirdOverBatchSize(string language)
    {
        JsonNode cell = ExecutedNotebook.Read(run, language, Name).CodeCell("gradientTable");
        IReadOnlyList<string[]> table = ExecutedNotebook.Table(cell);
        double[] norms = ExecutedNotebook.Column(table, 3).Select(ExecutedNotebook.Number).ToArray();

        // The rows are batch 1 over its 300 rows, batch 4 over its own 100 rows, and batch 4 over the batch size 300.
        Assert.Equal(3, norms.Length);
        Assert.Equal(norms[1] / 3, norms[2], 3);
        Assert.InRange(norms[1] / norms[0], 0.8, 1.25);
    }

    /// <summary>Returns the row counts printed in brackets on the line for N = 1000 and batch size <paramref name="batchSize"/>.</summary>
    private static int[] BatchRows(string output, int batchSize)
    {
        Match line = Regex.Match(output, $@"N = 1000, B = {batchSize}: .*\[([0-9, ]+)\]");
        Assert.True(line.Success, $"no line for B = {batchSize} in:\n{output}");
        return line.Groups[1].Value.Split(", ").Select(int.Parse).ToArray();
    }
}
