using System.Text.Json.Nodes;
using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// Builds and runs the generated file-based apps with <c>dotnet run</c>, as a learner does, and compares what they
/// print with the executed notebooks. In the notebook collection, so that no app build runs beside the runner's.
/// </summary>
[Collection(NotebookRunCollection.Name)]
public sealed class AppRunTests(NotebookRunFixture run)
{
    private static readonly TimeSpan AppTimeout = TimeSpan.FromMinutes(10);

    public static TheoryData<string, string> TestedApps() => TestedLessons.InBothLanguages();

    [Theory]
    [MemberData(nameof(TestedApps))]
    public async Task App_PrintsNotebookNumbers(string lesson, string language)
    {
        NotebookLocation notebook = TestedLessons.Find(run.RepositoryRoot, lesson, language);
        string appPath = AppGenerator.AppPath(notebook);
        string relativeAppPath = Path.GetRelativePath(run.RepositoryRoot, appPath);
        NotebookResult executed = run.Result.Notebooks.Single(result => result.Notebook.DisplayName == notebook.DisplayName);
        Assert.True(executed.Succeeded, $"{notebook.DisplayName} failed in the kernel, so there are no outputs to compare with.");
        string firstChart = Path.Combine(notebook.Directory, AppGenerator.OutputFolderName, $"{lesson}-chart-1.html");
        if (File.Exists(firstChart))
        {
            File.Delete(firstChart);
        }

        ProcessResult app = await ProcessRunner.RunAsync("dotnet", ["run", relativeAppPath], run.RepositoryRoot, AppTimeout);

        Assert.True(app.ExitCode == 0, app.ToString());
        PrintedOutput expected = PrintedOutput.FromNotebook(NotebookFile.Read(executed.ExecutedPath));
        PrintedOutput actual = PrintedOutput.FromAppOutput(app.Output);
        Assert.True(
            expected.NumberLines.SequenceEqual(actual.NumberLines),
            $"{relativeAppPath} printed other numbers than the notebook.\n--- notebook ---\n{string.Join('\n', expected.NumberLines)}\n--- app ---\n{string.Join('\n', actual.NumberLines)}");
        Assert.Equal(expected.ChartCount, actual.ChartCount);
        if (actual.ChartCount > 0)
        {
            // Charts go beside the app, whatever the current folder, as offline pages.
            Assert.Contains((language == "ja" ? "グラフ 1: " : "Chart 1: ") + firstChart, app.Output);
            Assert.True(File.Exists(firstChart), $"{firstChart} was not written.\n{app}");
            Assert.DoesNotMatch(@"<script[^>]*\ssrc=[""']?https?:", File.ReadAllText(firstChart));
        }
    }

    [Fact]
    public async Task EveryApp_BuildsWithoutWarnings()
    {
        var failures = new List<string>();
        foreach (NotebookLocation notebook in RepositoryLayout.FindNotebooks(Path.Combine(run.RepositoryRoot, "notebooks"), filter: null))
        {
            string relativeAppPath = Path.GetRelativePath(run.RepositoryRoot, AppGenerator.AppPath(notebook));
            ProcessResult build = await ProcessRunner.RunAsync("dotnet", ["build", relativeAppPath, "-nologo"], run.RepositoryRoot, AppTimeout);
            string[] problems = build.Output.Split('\n')
                .Where(line => line.Contains(": error ", StringComparison.Ordinal) || line.Contains(": warning ", StringComparison.Ordinal))
                .Distinct()
                .ToArray();
            if (build.ExitCode != 0 || problems.Length > 0)
            {
                failures.Add($"{relativeAppPath} (exit code {build.ExitCode}):\n  " + string.Join("\n  ", problems.Length > 0 ? problems : [build.ToString()]));
            }
        }

        Assert.True(failures.Count == 0, "Apps that do not build cleanly under Directory.Build.props (warnings are errors):\n" + string.Join("\n", failures));
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task SampleApp_ShowsTablesHistoryAndCharts(string language)
    {
        // A throwaway notebook folder inside the repository, so Directory.Build.props and the central package
        // versions apply as they do to notebooks/{ja,en}.
        string notebooks = Path.Combine(run.RepositoryRoot, "artifacts", "app-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string path = Path.Combine(notebooks, language, "09-sample.ipynb");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            TestNotebooks.WriteCodeNotebook(
                path,
                "#!import ../setup.dib",
                "using MathNet.Numerics.LinearAlgebra;\n\nvar matrix = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } });\nConsole.WriteLine(Pick(\"行列の和\", \"matrix sum\") + $\": {matrix.RowSums().Sum()}\");",
                "var table = new TextTable(Pick(\"手法\", \"method\"), \"B\").Add(Pick(\"オンライン学習\", \"online learning\"), 1);\ndisplay(table);",
                "var history = Trainer.Train(Datasets.Blobs(40, seed: 1), new TrainerOptions { BatchSize = 8, Epochs = 2, Seed = 42 });\ndisplay(history);",
                "int Twice(int value) => 2 * value;\ndisplay(Charts.LossCurves(new[] { history }));",
                "Twice(21)");
            var notebook = new NotebookLocation(language, path);
            File.WriteAllText(AppGenerator.AppPath(notebook), AppGenerator.Generate(notebook, run.RepositoryRoot).Source);

            ProcessResult app = await ProcessRunner.RunAsync("dotnet", ["run", AppGenerator.AppPath(notebook)], Path.GetTempPath(), AppTimeout);

            Assert.True(app.ExitCode == 0, app.ToString());
            string[] lines = app.Output.Split('\n');
            string chart = Path.Combine(notebooks, language, AppGenerator.OutputFolderName, "09-chart-1.html");
            bool japanese = language == "ja";
            Assert.Equal(japanese ? "行列の和: 10" : "matrix sum: 10", lines[0]);
            Assert.Matches(japanese ? @"^手法\s+\| B$" : @"^method\s+\| B$", lines[1]);
            Assert.Equal(japanese ? "オンライン学習 | 1" : "online learning | 1", lines[3]);
            Assert.StartsWith(japanese ? "エポック | 更新回数" : "epoch | updates", lines[4]);
            Assert.StartsWith("1 ", lines[6]);
            Assert.StartsWith("2 ", lines[7]);
            Assert.Equal((japanese ? "グラフ 1: " : "Chart 1: ") + chart, lines[8]);
            Assert.Equal("42", lines[9]);
            Assert.True(File.Exists(chart), $"{chart} was not written");
        }
        finally
        {
            Directory.Delete(notebooks, recursive: true);
        }
    }
}
