using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BatchTutorial.Runner;

/// <summary>
/// Executes one notebook in a fresh kernel, cell by cell, and fills in its outputs.
/// </summary>
internal static class NotebookExecutor
{
    /// <summary>
    /// Runs every code cell of <paramref name="notebook"/> in order and stops at the first failing cell.
    /// </summary>
    /// <returns>The timings and the notebook with outputs, execution counts, cell ids and per-cell timing filled in.</returns>
    public static async Task<(NotebookResult Result, JsonObject Executed)> RunAsync(
        NotebookLocation notebook,
        string kernelEntryAssembly,
        RunnerOptions options,
        string executedPath,
        TextWriter log)
    {
        JsonObject document = NotebookFile.Read(notebook.Path);
        JsonArray cells = NotebookFile.Cells(document);
        string title = NotebookFile.FindTitle(document) ?? notebook.Name;
        PrepareForExecution(document);

        var results = new List<CellResult>();
        var total = Stopwatch.StartNew();
        int codeCellCount = cells.Count(cell => NotebookFile.CellType(cell) == "code");

        log.WriteLine($"[{notebook.DisplayName}] starting kernel");
        KernelSession kernel;
        try
        {
            kernel = await KernelSession.StartAsync(kernelEntryAssembly, notebook.Directory, options.EffectiveKernelStartTimeout);
        }
        catch (TimeoutException exception)
        {
            log.WriteLine($"[{notebook.DisplayName}] FAILED to start the kernel: {exception.Message}");
            return (new NotebookResult(notebook, title, results, total.Elapsed, total.Elapsed, exception.Message, executedPath), document);
        }

        TimeSpan kernelStart = total.Elapsed;
        log.WriteLine($"[{notebook.DisplayName}] kernel ready in {kernelStart.TotalSeconds:F1} s (pid {kernel.ProcessId})");

        await using (kernel)
        {
            bool stopped = false;
            int codeCellNumber = 0;
            for (int index = 0; index < cells.Count; index++)
            {
                JsonObject cell = (JsonObject)cells[index]!;
                if (NotebookFile.CellType(cell) != "code")
                {
                    continue;
                }

                codeCellNumber++;
                string source = NotebookFile.Source(cell);
                string firstLine = source.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "";
                if (stopped)
                {
                    results.Add(new CellResult(index, codeCellNumber, firstLine, CellStatus.NotRun, TimeSpan.Zero, null));
                    continue;
                }

                CellExecution execution = await kernel.SubmitAsync(source, codeCellNumber, options.CellTimeout);
                cell["outputs"] = execution.Outputs;
                cell["execution_count"] = codeCellNumber;
                SetElapsed(cell, execution.Elapsed);

                results.Add(new CellResult(index, codeCellNumber, firstLine, execution.Status, execution.Elapsed, execution.Error));
                string status = execution.Status switch
                {
                    CellStatus.Succeeded => "ok",
                    CellStatus.TimedOut => "TIMED OUT",
                    _ => "FAILED",
                };
                log.WriteLine($"[{notebook.DisplayName}] cell {codeCellNumber}/{codeCellCount} {status} {execution.Elapsed.TotalSeconds,6:F2} s  {Shorten(firstLine)}");
                if (execution.Status != CellStatus.Succeeded)
                {
                    log.WriteLine($"[{notebook.DisplayName}] cell {codeCellNumber} error: {execution.Error}");
                    stopped = true;
                }
            }
        }

        total.Stop();
        var result = new NotebookResult(notebook, title, results, kernelStart, total.Elapsed, null, executedPath);
        log.WriteLine($"[{notebook.DisplayName}] {(result.Succeeded ? "passed" : "FAILED")} in {total.Elapsed.TotalSeconds:F1} s");
        return (result, document);
    }

    // Clears outputs left in the source file and gives every cell an id (required from nbformat 4.5).
    private static void PrepareForExecution(JsonObject document)
    {
        document["nbformat_minor"] = Math.Max(5, document["nbformat_minor"]?.GetValue<int>() ?? 0);
        JsonArray cells = NotebookFile.Cells(document);
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        for (int index = 0; index < cells.Count; index++)
        {
            JsonObject cell = (JsonObject)cells[index]!;
            string? id = cell["id"]?.GetValue<string>();
            if (string.IsNullOrEmpty(id) || !usedIds.Add(id))
            {
                id = $"cell-{index}";
                usedIds.Add(id);
                cell["id"] = id;
            }

            if (NotebookFile.CellType(cell) == "code")
            {
                cell["outputs"] = new JsonArray();
                cell["execution_count"] = null;
            }
        }
    }

    private static void SetElapsed(JsonObject cell, TimeSpan elapsed)
    {
        if (cell["metadata"] is not JsonObject metadata)
        {
            metadata = new JsonObject();
            cell["metadata"] = metadata;
        }

        metadata["batchtutorial"] = new JsonObject { ["elapsed_seconds"] = Math.Round(elapsed.TotalSeconds, 3) };
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";
}
