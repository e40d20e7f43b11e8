using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

[Collection(NotebookRunCollection.Name)]
public sealed partial class ExecutionTests(NotebookRunFixture run)
{
    [Fact]
    public void EveryNotebook_RunsWithoutFailingCell()
    {
        Assert.NotEmpty(run.Result.Notebooks);
        foreach (NotebookResult notebook in run.Result.Notebooks)
        {
            CellResult? failed = notebook.FailedCell;
            Assert.True(
                notebook.Succeeded,
                $"{notebook.Notebook.DisplayName} failed at cell {failed?.CodeCellNumber} ({failed?.FirstLine}): {notebook.Error ?? failed?.Error}\n{run.Log}");
        }
    }

    [Fact]
    public void BothLanguages_AreExecuted()
    {
        string[] languages = run.Result.Notebooks.Select(notebook => notebook.Notebook.Language).Distinct().Order().ToArray();

        Assert.Equal(["en", "ja"], languages);
    }

    [Fact]
    public void ExecutedNotebooks_AreNbformat45WithCellIds()
    {
        foreach (NotebookResult notebook in run.Result.Notebooks)
        {
            JsonObject document = NotebookFile.Read(notebook.ExecutedPath);
            Assert.Equal(4, document["nbformat"]!.GetValue<int>());
            Assert.True(document["nbformat_minor"]!.GetValue<int>() >= 5, $"{notebook.ExecutedPath}: nbformat_minor below 5");

            var ids = new HashSet<string>();
            foreach (JsonNode? cell in NotebookFile.Cells(document))
            {
                string id = cell!["id"]!.GetValue<string>();
                Assert.Matches("^[a-zA-Z0-9-_]{1,64}$", id);
                Assert.True(ids.Add(id), $"{notebook.ExecutedPath}: duplicate cell id '{id}'");
                if (NotebookFile.CellType(cell) == "code")
                {
                    Assert.IsType<JsonArray>(cell["outputs"]);
                    Assert.NotNull(cell["execution_count"]);
                }
            }
        }
    }

    [Fact]
    public void ExecutedNotebooks_AreWrittenUnderArtifacts()
    {
        foreach (NotebookResult notebook in run.Result.Notebooks)
        {
            string expected = Path.Combine(run.ArtifactsDirectory, "notebooks", notebook.Notebook.Language, notebook.Notebook.Name + ".ipynb");

            Assert.Equal(expected, notebook.ExecutedPath);
            Assert.True(File.Exists(expected), $"missing {expected}");
        }
    }

    [Fact]
    public void GettingStartedChart_HasNoCdnReference()
    {
        foreach (string language in new[] { "ja", "en" })
        {
            string chart = Assert.Single(ChartOutput.FindChartHtml(ReadExecuted(language, "00-getting-started")));
            string fragment = SiteWriter.RemovePlotlyBundle(chart);

            Assert.DoesNotContain("cdn.plot.ly", fragment);
            Assert.DoesNotContain("cdn.jsdelivr", fragment);
            Assert.DoesNotContain("require.config", chart);
            Assert.DoesNotContain("requirejs", chart);
            Assert.DoesNotMatch(ExternalScript(), chart);
        }
    }

    [Fact]
    public void FirstChartOfSession_CarriesPlotlyBundle()
    {
        string chart = ChartOutput.FindChartHtml(ReadExecuted("en", "00-getting-started"))[0];

        Assert.Contains("data-batchtutorial-plotly-bundle=\"plotly-2.28.0.min.js\"", chart);
        Assert.Contains("plotly.js v2.28.0", chart);
        Assert.Contains("window.define = batchTutorialSavedDefine;", chart);
    }

    [Fact]
    public void NotebookFolder_SetsUiCulture()
    {
        Assert.Contains("UI カルチャ: ja-JP", StandardOutput(ReadExecuted("ja", "00-getting-started")));
        Assert.Contains("UI culture: en-US", StandardOutput(ReadExecuted("en", "00-getting-started")));
    }

    [Fact]
    public void RunSummary_ListsEveryCellWithTiming()
    {
        JsonObject summary = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(run.ArtifactsDirectory, "run-summary.json")))!;
        JsonArray notebooks = summary["notebooks"]!.AsArray();

        Assert.Equal(run.Result.Notebooks.Count, notebooks.Count);
        foreach (JsonNode? notebook in notebooks)
        {
            Assert.NotEmpty(notebook!["cells"]!.AsArray());
            Assert.All(notebook["cells"]!.AsArray(), cell => Assert.True(cell!["seconds"]!.GetValue<double>() >= 0));
        }
    }

    [Fact]
    public void RunLog_ShowsCellTimesAndSlowestCells()
    {
        Assert.Matches(@"\[en/00-getting-started\] cell 1/\d+ ok +\d+\.\d\d s", run.Log);
        Assert.Contains("kernel ready in", run.Log);
        Assert.Contains("Slowest cells:", run.Log);
    }

    // Lessons whose outputs hold no timings or memory figures, so a second run must match them exactly.
    [Theory]
    [InlineData("en", "00-getting-started")]
    [InlineData("ja", "01-what-is-batch-processing")]
    [InlineData("en", "02-batch-size")]
    [InlineData("ja", "03-article-code-in-csharp")]
    public async Task Rerun_GivesSameOutputs(string language, string name)
    {
        string secondArtifacts = Path.Combine(Path.GetTempPath(), "batchtutorial-rerun-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new RunnerOptions(run.RepositoryRoot, secondArtifacts, TimeSpan.FromSeconds(300), NotebookFilter: $"{language}/{name}", SkipBuild: true);
            RunResult second = await NotebookRunner.RunAsync(options, TextWriter.Null);
            Assert.True(second.Succeeded);

            string first = NormalizeOutputs(ReadExecuted(language, name));
            string again = NormalizeOutputs(NotebookFile.Read(second.Notebooks[0].ExecutedPath));
            Assert.Equal(first, again);
        }
        finally
        {
            if (Directory.Exists(secondArtifacts))
            {
                Directory.Delete(secondArtifacts, recursive: true);
            }
        }
    }

    // Lessons that print timings and memory figures: a second run must print the same other numbers (PrintedOutput
    // drops the lines and table columns that mention time, speed or memory) and draw as many charts.
    [Theory]
    [InlineData("en", "04-three-methods-on-real-data")]
    [InlineData("ja", "05-batch-size-effects")]
    [InlineData("en", "06-merits-measured")]
    [InlineData("ja", "07-summary-and-exercises")]
    public async Task Rerun_PrintsSameNumbersApartFromTimings(string language, string name)
    {
        string secondArtifacts = Path.Combine(Path.GetTempPath(), "batchtutorial-rerun-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new RunnerOptions(run.RepositoryRoot, secondArtifacts, TimeSpan.FromSeconds(300), NotebookFilter: $"{language}/{name}", SkipBuild: true);
            RunResult second = await NotebookRunner.RunAsync(options, TextWriter.Null);
            Assert.True(second.Succeeded);

            PrintedOutput first = PrintedOutput.FromNotebook(ReadExecuted(language, name));
            PrintedOutput again = PrintedOutput.FromNotebook(NotebookFile.Read(second.Notebooks[0].ExecutedPath));
            Assert.NotEmpty(first.NumberLines);
            Assert.True(
                first.NumberLines.SequenceEqual(again.NumberLines),
                $"{language}/{name} printed other numbers the second time.\n--- first ---\n{string.Join('\n', first.NumberLines)}\n--- second ---\n{string.Join('\n', again.NumberLines)}");
            Assert.Equal(first.ChartCount, again.ChartCount);
        }
        finally
        {
            if (Directory.Exists(secondArtifacts))
            {
                Directory.Delete(secondArtifacts, recursive: true);
            }
        }
    }

    private JsonObject ReadExecuted(string language, string name)
    {
        return NotebookFile.Read(Path.Combine(run.ArtifactsDirectory, "notebooks", language, name + ".ipynb"));
    }

    private static string StandardOutput(JsonObject notebook)
    {
        return string.Concat(NotebookFile.Cells(notebook)
            .SelectMany(cell => cell?["outputs"] as JsonArray ?? [])
            .Where(output => output?["output_type"]?.GetValue<string>() == "stream")
            .Select(output => ChartOutput.JoinLines(output?["text"])));
    }

    // Keeps outputs and sources, drops cell ids and timings, and replaces the random chart element ids.
    private static string NormalizeOutputs(JsonObject notebook)
    {
        var cells = new JsonArray();
        foreach (JsonNode? cell in NotebookFile.Cells(notebook))
        {
            cells.Add(new JsonObject
            {
                ["source"] = NotebookFile.Source(cell),
                ["outputs"] = cell?["outputs"]?.DeepClone(),
            });
        }

        string text = cells.ToJsonString();
        text = GuidPattern().Replace(text, "<guid>");
        return CompactGuidPattern().Replace(text, "<guid>");
    }

    [GeneratedRegex("<script[^>]*\\ssrc=[\"']?https?:", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalScript();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex("[0-9a-f]{32}")]
    private static partial Regex CompactGuidPattern();
}
