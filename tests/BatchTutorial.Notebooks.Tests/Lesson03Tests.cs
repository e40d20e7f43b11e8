using System.Text.Json.Nodes;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>Checks the executed outputs of lesson 03 (the article's code in C#) in both languages.</summary>
[Collection(NotebookRunCollection.Name)]
public sealed class Lesson03Tests(NotebookRunFixture run)
{
    private const string Name = "03-article-code-in-csharp";

    // The numpy tutorial's output for 100 rows in batches of 20.
    private const string FiveBatchLines = "Batch 1 updated.\nBatch 2 updated.\nBatch 3 updated.\nBatch 4 updated.\nBatch 5 updated.\n";

    [Theory]
    [InlineData("ja", "TransposeThisAndMultiply(error) / batchSize")]
    [InlineData("en", "TransposeThisAndMultiply(error) / batchSize")]
    [InlineData("ja", "onBatch: batchNumber")]
    [InlineData("en", "onBatch: batchNumber")]
    [InlineData("ja", "OnUpdate = update")]
    [InlineData("en", "OnUpdate = update")]
    public void BatchLoopCell_PrintsOnlyFiveBatchLines(string language, string sourceFragment)
    {
        JsonNode cell = ExecutedNotebook.Read(run, language, Name).CodeCell(sourceFragment);

        Assert.Equal(FiveBatchLines, ExecutedNotebook.StandardOutput(cell));
        Assert.Single(ExecutedNotebook.Outputs(cell));
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void LibraryVersions_EndWithPortWeights(string language)
    {
        JsonNode cell = ExecutedNotebook.Read(run, language, Name).CodeCell("agreementTable");
        IReadOnlyList<string[]> table = ExecutedNotebook.Table(cell);

        // The rows are the MathNet port, Textbook.Epoch and Trainer.
        // The last column is the max absolute difference of W and b from the port.
        Assert.Equal(4, table.Count);
        Assert.Equal("Textbook.Epoch", table[2][0]);
        Assert.Equal("Trainer", table[3][0]);
        foreach (string[] row in table.Skip(1))
        {
            double difference = ExecutedNotebook.Number(row[^1]);
            Assert.True(difference < 1e-12, $"{row[0]} differs from the port by {difference}");
        }
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void RandomLabels_LearnNothingButBlobsDo(string language)
    {
        JsonNode cell = ExecutedNotebook.Read(run, language, Name).CodeCell("learnTable");
        IReadOnlyList<string[]> table = ExecutedNotebook.Table(cell);
        double[] randomLabels = table[1][1..].Select(ExecutedNotebook.Number).ToArray();
        double[] blobs = table[2][1..].Select(ExecutedNotebook.Number).ToArray();

        // After the name come the training loss, the test loss, the loss of predicting the label share, and the test accuracy.
        Assert.True(randomLabels[1] >= Math.Log(2), $"random labels: test loss {randomLabels[1]} fell below ln 2");
        Assert.InRange(randomLabels[3], 0.4, 0.6);
        Assert.True(blobs[1] < 0.1, $"Blobs: test loss {blobs[1]} did not fall");
        Assert.True(blobs[3] > 0.95, $"Blobs: test accuracy {blobs[3]}");
    }
}
