namespace BatchTutorial.Runner;

/// <summary>
/// Timing and status of one code cell.
/// </summary>
/// <param name="CellIndex">The 0-based position of the cell among all cells of the notebook.</param>
/// <param name="CodeCellNumber">The 1-based position among the code cells, as shown in progress lines.</param>
/// <param name="FirstLine">The first non-empty line of the cell's source, to recognise the cell in reports.</param>
/// <param name="Status">Whether the cell succeeded, failed, timed out or was not run.</param>
/// <param name="Elapsed">The wall-clock time from submitting the cell to its last event.</param>
/// <param name="Error">The error messages of the cell, or <c>null</c> when it succeeded.</param>
public sealed record CellResult(int CellIndex, int CodeCellNumber, string FirstLine, CellStatus Status, TimeSpan Elapsed, string? Error);

/// <summary>
/// Timing and status of one notebook run.
/// </summary>
/// <param name="Notebook">The notebook file.</param>
/// <param name="Cells">One entry per code cell, in notebook order.</param>
/// <param name="KernelStart">The time from starting the kernel process to its <c>KernelReady</c> event.</param>
/// <param name="Total">The time from starting the kernel to the end of the last cell.</param>
/// <param name="Title">The text of the notebook's first Markdown heading, or its file name.</param>
/// <param name="Error">Why the notebook could not run (for example the kernel did not start), or <c>null</c>.</param>
/// <param name="ExecutedPath">Where the executed notebook was written.</param>
public sealed record NotebookResult(
    NotebookLocation Notebook,
    string Title,
    IReadOnlyList<CellResult> Cells,
    TimeSpan KernelStart,
    TimeSpan Total,
    string? Error,
    string ExecutedPath)
{
    /// <summary>Whether every code cell succeeded.</summary>
    public bool Succeeded => Error is null && Cells.All(cell => cell.Status == CellStatus.Succeeded);

    /// <summary>The first cell that did not succeed, if any.</summary>
    public CellResult? FailedCell => Cells.FirstOrDefault(cell => cell.Status is CellStatus.Failed or CellStatus.TimedOut);
}

/// <summary>
/// The result of a whole run.
/// </summary>
/// <param name="Notebooks">One entry per notebook, in run order.</param>
/// <param name="SitePath">The site's top index page.</param>
public sealed record RunResult(IReadOnlyList<NotebookResult> Notebooks, string SitePath)
{
    /// <summary>Whether every notebook succeeded.</summary>
    public bool Succeeded => Notebooks.All(notebook => notebook.Succeeded);

    /// <summary>Returns the <paramref name="count"/> slowest cells of the run, slowest first.</summary>
    public IReadOnlyList<(NotebookResult Notebook, CellResult Cell)> SlowestCells(int count)
    {
        return Notebooks
            .SelectMany(notebook => notebook.Cells.Select(cell => (Notebook: notebook, Cell: cell)))
            .Where(entry => entry.Cell.Status != CellStatus.NotRun)
            .OrderByDescending(entry => entry.Cell.Elapsed)
            .Take(count)
            .ToList();
    }
}
