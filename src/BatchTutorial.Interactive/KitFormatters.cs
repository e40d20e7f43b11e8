using BatchTutorial.Plots;
using Microsoft.DotNet.Interactive.Formatting;

namespace BatchTutorial.Interactive;

/// <summary>
/// Formats the kit's result types for notebooks: <see cref="TextTable"/> as an HTML table and
/// <see cref="TrainingHistory"/> as a readable per-epoch table with headers in the notebook's language.
/// </summary>
public static class KitFormatters
{
    /// <summary>Registers the <c>text/html</c> and <c>text/plain</c> formatters of the kit's types.</summary>
    public static void Register()
    {
        Formatter.Register<TextTable>((table, writer) => writer.Write(table.ToHtml()), HtmlFormatter.MimeType);
        Formatter.Register<TextTable>((table, writer) => writer.Write(table.ToString()), PlainTextFormatter.MimeType);
        Formatter.Register<TrainingHistory>((history, writer) => writer.Write(HistoryTable.Create(history).ToHtml()), HtmlFormatter.MimeType);
        Formatter.Register<TrainingHistory>((history, writer) => writer.Write(HistoryTable.Create(history).ToString()), PlainTextFormatter.MimeType);
    }
}
