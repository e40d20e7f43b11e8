using System.Text.Json;
using System.Text.Json.Nodes;

namespace BatchTutorial.Runner;

/// <summary>
/// The runner's main job: build, execute every notebook in the pinned kernel, write executed
/// notebooks, the static site and a run summary under the artifacts folder.
/// </summary>
/// <remarks>
/// Layout of the artifacts folder: <c>notebooks/{ja,en}/*.ipynb</c> (passed notebooks, executed),
/// <c>failed/{ja,en}/*.ipynb</c> (failed notebooks, executed up to the failing cell),
/// <c>site/</c> (HTML) and <c>run-summary.json</c> (per-cell timings).
/// </remarks>
public static class NotebookRunner
{
    /// <summary>
    /// Runs the notebooks selected by <paramref name="options"/> and writes the artifacts.
    /// </summary>
    /// <exception cref="InvalidOperationException">The build failed or no notebook matched the filter.</exception>
    public static async Task<RunResult> RunAsync(RunnerOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        if (!options.SkipBuild)
        {
            await BuildStep.RunAsync(options, log, cancellationToken);
        }

        string kernelEntryAssembly = await KernelTool.FindEntryAssemblyAsync(options.RepositoryRoot, cancellationToken);
        IReadOnlyList<NotebookLocation> notebooks = RepositoryLayout.FindNotebooks(options.NotebooksDirectory, options.NotebookFilter);
        if (notebooks.Count == 0)
        {
            throw new InvalidOperationException(
                $"No notebook found in '{options.NotebooksDirectory}/{{ja,en}}'" + (options.NotebookFilter is null ? "." : $" matching '{options.NotebookFilter}'."));
        }

        string executedDirectory = Path.Combine(options.ArtifactsDirectory, "notebooks");
        string failedDirectory = Path.Combine(options.ArtifactsDirectory, "failed");
        string siteDirectory = Path.Combine(options.ArtifactsDirectory, "site");
        foreach (string directory in new[] { executedDirectory, failedDirectory, siteDirectory })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        var executed = new List<(NotebookResult Result, JsonObject Executed)>();
        foreach (NotebookLocation notebook in notebooks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string passedPath = Path.Combine(executedDirectory, notebook.Language, notebook.Name + ".ipynb");
            string failedPath = Path.Combine(failedDirectory, notebook.Language, notebook.Name + ".ipynb");

            (NotebookResult result, JsonObject document) = await NotebookExecutor.RunAsync(notebook, kernelEntryAssembly, options, passedPath, log);
            if (!result.Succeeded)
            {
                result = result with { ExecutedPath = failedPath };
            }

            NotebookFile.Write(result.ExecutedPath, document);
            executed.Add((result, document));
        }

        string sitePath = SiteWriter.Write(siteDirectory, executed);
        var run = new RunResult(executed.Select(entry => entry.Result).ToList(), sitePath);
        WriteSummary(Path.Combine(options.ArtifactsDirectory, "run-summary.json"), run);
        PrintSummary(run, log);
        return run;
    }

    private static void PrintSummary(RunResult run, TextWriter log)
    {
        log.WriteLine();
        log.WriteLine("Slowest cells:");
        foreach ((NotebookResult notebook, CellResult cell) in run.SlowestCells(5))
        {
            log.WriteLine($"  {cell.Elapsed.TotalSeconds,7:F2} s  {notebook.Notebook.DisplayName} cell {cell.CodeCellNumber}: {cell.FirstLine}");
        }

        log.WriteLine();
        foreach (NotebookResult notebook in run.Notebooks.Where(notebook => !notebook.Succeeded))
        {
            CellResult? cell = notebook.FailedCell;
            string where = cell is null ? "kernel start" : $"cell {cell.CodeCellNumber} ({cell.FirstLine})";
            log.WriteLine($"FAILED {notebook.Notebook.DisplayName} at {where}: {notebook.Error ?? cell?.Error}");
        }

        int passed = run.Notebooks.Count(notebook => notebook.Succeeded);
        log.WriteLine($"{passed} of {run.Notebooks.Count} notebooks passed. Site: {run.SitePath}");
    }

    private static void WriteSummary(string path, RunResult run)
    {
        var notebooks = new JsonArray();
        foreach (NotebookResult notebook in run.Notebooks)
        {
            var cells = new JsonArray();
            foreach (CellResult cell in notebook.Cells)
            {
                cells.Add(new JsonObject
                {
                    ["cell"] = cell.CodeCellNumber,
                    ["firstLine"] = cell.FirstLine,
                    ["status"] = cell.Status.ToString(),
                    ["seconds"] = Math.Round(cell.Elapsed.TotalSeconds, 3),
                    ["error"] = cell.Error,
                });
            }

            notebooks.Add(new JsonObject
            {
                ["notebook"] = notebook.Notebook.DisplayName,
                ["succeeded"] = notebook.Succeeded,
                ["kernelStartSeconds"] = Math.Round(notebook.KernelStart.TotalSeconds, 3),
                ["totalSeconds"] = Math.Round(notebook.Total.TotalSeconds, 3),
                ["error"] = notebook.Error,
                ["executed"] = notebook.ExecutedPath,
                ["cells"] = cells,
            });
        }

        var summary = new JsonObject { ["succeeded"] = run.Succeeded, ["notebooks"] = notebooks };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
