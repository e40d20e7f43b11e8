using System.Collections;
using Plotly.NET;

namespace BatchTutorial.Plots;

/// <summary>
/// Shows what a notebook cell passes to <c>display(...)</c> when the same code runs as a file-based app, which has
/// no notebook front end: a chart is written as an offline HTML page and its path printed, a <see cref="TextTable"/>
/// or <see cref="TrainingHistory"/> is printed as aligned text, anything else as text.
/// </summary>
/// <remarks>
/// The apps under notebooks/{ja,en} are generated from the notebooks and call this through their own
/// <c>display</c> function, so cells that call <c>display(value)</c> compile unchanged.
/// </remarks>
public sealed class AppDisplay
{
    private readonly TextWriter? _output;
    private int _chartCount;

    /// <summary>Creates a display that writes chart pages into <paramref name="chartDirectory"/>.</summary>
    /// <param name="chartDirectory">The folder for chart pages; created on the first chart.</param>
    /// <param name="chartFilePrefix">The start of each chart's file name, e.g. "03" gives 03-chart-1.html, 03-chart-2.html, ….</param>
    /// <param name="output">Where text goes; default: <see cref="Console.Out"/> at the time of each call.</param>
    public AppDisplay(string chartDirectory, string chartFilePrefix, TextWriter? output = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chartDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(chartFilePrefix);
        ChartDirectory = Path.GetFullPath(chartDirectory);
        ChartFilePrefix = chartFilePrefix;
        _output = output;
    }

    /// <summary>The full path of the folder that receives chart pages.</summary>
    public string ChartDirectory { get; }

    /// <summary>The start of every chart file name.</summary>
    public string ChartFilePrefix { get; }

    /// <summary>The number of charts written so far.</summary>
    public int ChartCount => _chartCount;

    /// <summary>
    /// Shows <paramref name="value"/>: a chart (<see cref="GenericChart"/>) as the page
    /// <c>{ChartDirectory}/{ChartFilePrefix}-chart-{n}.html</c> (see <see cref="Charts.SaveHtml"/>) and a line naming it,
    /// a table or training history as text, a sequence as its items in brackets, and anything else as its
    /// <see cref="object.ToString"/>, like <see cref="Console.WriteLine(object)"/>.
    /// </summary>
    /// <returns>The path of the chart page, or <c>null</c> when the value is not a chart.</returns>
    public string? Show(object? value)
    {
        TextWriter output = _output ?? Console.Out;
        switch (value)
        {
            case GenericChart chart:
                _chartCount++;
                string path = Path.Combine(ChartDirectory, $"{ChartFilePrefix}-chart-{_chartCount}.html");
                Charts.SaveHtml(chart, path);
                output.WriteLine(Bilingual.Pick($"グラフ {_chartCount}: {path}", $"Chart {_chartCount}: {path}"));
                return path;
            case TextTable table:
                output.Write(table.ToString());
                return null;
            case TrainingHistory history:
                output.Write(HistoryTable.Create(history).ToString());
                return null;
            case null:
                // .NET Interactive 1.0.712001 shows null as "<null>".
                output.WriteLine("<null>");
                return null;
            case string text:
                output.WriteLine(text);
                return null;
            case IEnumerable sequence:
                // .NET Interactive 1.0.712001 shows a sequence of numbers as "[ 1.5, 2 ]".
                output.WriteLine("[ " + string.Join(", ", sequence.Cast<object?>()) + " ]");
                return null;
            default:
                output.WriteLine(value);
                return null;
        }
    }
}
