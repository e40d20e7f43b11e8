using System.Text.Json.Nodes;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>Checks the executed outputs of lesson 01 (what batch processing is) in both languages.</summary>
[Collection(NotebookRunCollection.Name)]
public sealed class Lesson01Tests(NotebookRunFixture run)
{
    private const string Name = "01-what-is-batch-processing";

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void MethodTable_CountsUpdatesPerEpoch(string language)
    {
        JsonNode cell = ExecutedNotebook.Read(run, language, Name).CodeCell("methodTable");
        IReadOnlyList<string[]> table = ExecutedNotebook.Table(cell);

        // The rows are full-batch, online and mini-batch learning for N = 1000.
        // Columns 1, 2 and 3 are B, the updates per epoch and the samples per update.
        Assert.Equal([1000.0, 1.0, 100.0], ExecutedNotebook.Column(table, 1).Select(ExecutedNotebook.Number));
        Assert.Equal([1.0, 1000.0, 10.0], ExecutedNotebook.Column(table, 2).Select(ExecutedNotebook.Number));
        Assert.Equal([1000.0, 1.0, 100.0], ExecutedNotebook.Column(table, 3).Select(ExecutedNotebook.Number));
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void FullBatchTrainer_UpdatesOncePerEpoch(string language)
    {
        JsonNode cell = ExecutedNotebook.Read(run, language, Name).CodeCell("updateTable");
        IReadOnlyList<string[]> table = ExecutedNotebook.Table(cell);

        // Three epochs with BatchSize = N = 1000 give one update per epoch, each from all 1000 rows.
        Assert.Equal([1.0, 2.0, 3.0], ExecutedNotebook.Column(table, 0).Select(ExecutedNotebook.Number));
        Assert.Equal([1.0, 2.0, 3.0], ExecutedNotebook.Column(table, 1).Select(ExecutedNotebook.Number));
        Assert.All(ExecutedNotebook.Column(table, 2), rows => Assert.Equal(1000.0, ExecutedNotebook.Number(rows)));
    }
}
