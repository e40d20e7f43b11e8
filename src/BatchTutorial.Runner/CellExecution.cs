using System.Text.Json.Nodes;

namespace BatchTutorial.Runner;

/// <summary>The outcome of one code cell.</summary>
public enum CellStatus
{
    /// <summary>The cell ran and reported no error.</summary>
    Succeeded,

    /// <summary>The cell reported an error.</summary>
    Failed,

    /// <summary>The cell ran longer than the cell timeout and its kernel was killed.</summary>
    TimedOut,

    /// <summary>The cell was not run because an earlier cell failed.</summary>
    NotRun,
}

/// <summary>
/// The result of one submission: nbformat outputs, wall-clock time and the error, if any.
/// </summary>
internal sealed record CellExecution(CellStatus Status, JsonArray Outputs, TimeSpan Elapsed, string? Error)
{
    public static CellExecution TimedOut(CellOutputCollector outputs, TimeSpan elapsed, TimeSpan timeout)
    {
        string message = $"The cell timed out after {timeout.TotalSeconds:F0} s (--cell-timeout); its kernel was killed.";
        outputs.Add("ErrorProduced", new JsonObject { ["message"] = message }, isRootCommand: true);
        return new CellExecution(CellStatus.TimedOut, outputs.Outputs, elapsed, message);
    }

    public static CellExecution KernelExited(CellOutputCollector outputs, TimeSpan elapsed, string message)
    {
        outputs.Add("ErrorProduced", new JsonObject { ["message"] = message }, isRootCommand: true);
        return new CellExecution(CellStatus.Failed, outputs.Outputs, elapsed, message);
    }
}
