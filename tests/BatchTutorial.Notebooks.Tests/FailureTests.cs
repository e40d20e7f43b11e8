using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// Runs small notebooks in throwaway folders to check how the runner and setup.dib report failures.
/// </summary>
public sealed class FailureTests : IDisposable
{
    private static readonly string RepositoryRoot = RepositoryLayout.FindRoot(AppContext.BaseDirectory);
    private readonly string _root = TestNotebooks.CreateRepository(RepositoryRoot);

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task MissingBuild_FailsFirstCellWithBuildCommand()
    {
        // The setup file is real, but this folder has no src/, as after a fresh clone.
        File.Copy(Path.Combine(RepositoryRoot, "notebooks", "setup.dib"), Path.Combine(_root, "notebooks", "setup.dib"));
        foreach (string language in new[] { "ja", "en" })
        {
            TestNotebooks.WriteCodeNotebook(Path.Combine(_root, "notebooks", language, "00-setup.ipynb"), "#!import ../setup.dib", "Console.WriteLine(1);");
        }

        RunResult result = await RunAsync(TimeSpan.FromSeconds(120));

        foreach (NotebookResult notebook in result.Notebooks)
        {
            CellResult failed = Assert.IsType<CellResult>(notebook.FailedCell);
            Assert.Equal(1, failed.CodeCellNumber);
            Assert.Contains("dotnet build BatchTutorial.sln -c Release", failed.Error);
            Assert.DoesNotContain("CS0006", failed.Error);
            Assert.Equal(CellStatus.NotRun, notebook.Cells[1].Status);
        }

        Assert.Contains("ビルドされていません", result.Notebooks.Single(notebook => notebook.Notebook.Language == "ja").FailedCell!.Error);
        Assert.Contains("are not built", result.Notebooks.Single(notebook => notebook.Notebook.Language == "en").FailedCell!.Error);
    }

    [Fact]
    public async Task FailingCell_StopsNotebookAndIsNamed()
    {
        TestNotebooks.WriteCodeNotebook(
            Path.Combine(_root, "notebooks", "en", "01-throws.ipynb"),
            "Console.WriteLine(\"first\");",
            "throw new InvalidOperationException(\"cell two failed on purpose\");",
            "Console.WriteLine(\"third\");");
        TestNotebooks.WriteCodeNotebook(Path.Combine(_root, "notebooks", "en", "02-passes.ipynb"), "1 + 1");

        RunResult result = await RunAsync(TimeSpan.FromSeconds(120));

        Assert.False(result.Succeeded);
        NotebookResult throws = result.Notebooks.Single(notebook => notebook.Notebook.Name == "01-throws");
        Assert.Equal(2, throws.FailedCell?.CodeCellNumber);
        Assert.Contains("cell two failed on purpose", throws.FailedCell?.Error);
        Assert.Equal(CellStatus.NotRun, throws.Cells[2].Status);
        Assert.Equal(Path.Combine(_root, "artifacts", "failed", "en", "01-throws.ipynb"), throws.ExecutedPath);
        Assert.True(File.Exists(throws.ExecutedPath));

        NotebookResult passes = result.Notebooks.Single(notebook => notebook.Notebook.Name == "02-passes");
        Assert.True(passes.Succeeded);
        Assert.True(File.Exists(Path.Combine(_root, "artifacts", "notebooks", "en", "02-passes.ipynb")));
    }

    [Fact]
    public async Task CellTimeout_KillsKernel()
    {
        string folder = Path.Combine(_root, "notebooks", "en");
        TestNotebooks.WriteCodeNotebook(Path.Combine(folder, "01-sleeps.ipynb"), "System.Threading.Thread.Sleep(120_000);", "Console.WriteLine(\"after\");");

        RunResult result = await RunAsync(TimeSpan.FromSeconds(3));

        CellResult cell = result.Notebooks.Single().Cells[0];
        Assert.Equal(CellStatus.TimedOut, cell.Status);
        Assert.Contains("timed out after 3 s", cell.Error);
        Assert.True(cell.Elapsed < TimeSpan.FromSeconds(30), $"the timeout took {cell.Elapsed}");
        Assert.Empty(TestNotebooks.FindKernelProcesses(folder));
    }

    [Fact]
    public async Task FinishedRun_LeavesNoKernelProcess()
    {
        string folder = Path.Combine(_root, "notebooks", "ja");
        TestNotebooks.WriteCodeNotebook(Path.Combine(folder, "01-prints.ipynb"), "Console.WriteLine(\"done\");");

        RunResult result = await RunAsync(TimeSpan.FromSeconds(120));

        Assert.True(result.Succeeded);
        Assert.Empty(TestNotebooks.FindKernelProcesses(folder));
    }

    // These runs skip the build, so they restore the pinned kernel tool themselves in case they start
    // before the shared fixture has done it.
    private static readonly Lazy<Task> ToolRestore = new(RestoreToolsAsync);

    private async Task<RunResult> RunAsync(TimeSpan cellTimeout)
    {
        await ToolRestore.Value;
        var options = new RunnerOptions(_root, Path.Combine(_root, "artifacts"), cellTimeout, SkipBuild: true);
        return await NotebookRunner.RunAsync(options, TextWriter.Null);
    }

    private static async Task RestoreToolsAsync()
    {
        (int exitCode, string output) = await ChildProcess.RunDotnetAsync(RepositoryRoot, ["tool", "restore"], CancellationToken.None);
        Assert.True(exitCode == 0, $"dotnet tool restore failed with exit code {exitCode}: {output}");
    }
}
