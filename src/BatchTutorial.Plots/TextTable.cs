using System.Globalization;
using System.Text;

namespace BatchTutorial.Plots;

/// <summary>
/// A small table of results with headers in the notebook's language. Notebooks show it as an HTML table (the kit's
/// kernel formatter); <see cref="ToString"/> gives aligned plain text for consoles and file-based apps.
/// </summary>
public sealed class TextTable
{
    private readonly List<string[]> _rows = [];

    /// <summary>Creates an empty table with the given column headers.</summary>
    public TextTable(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Length == 0)
        {
            throw new ArgumentException(ChartErrors.Format(ChartErrors.NoHeaders, nameof(headers)), nameof(headers));
        }

        Headers = headers;
    }

    /// <summary>The column headers.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The rows, each with one formatted cell per header.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    /// <summary>
    /// Adds a row. Numbers are formatted with the invariant culture: integers with thousands separators,
    /// other doubles with up to 4 significant digits after the point (G4 for very small or large values).
    /// </summary>
    /// <exception cref="ArgumentException">The row has another number of cells than there are headers.</exception>
    public TextTable Add(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Headers.Count)
        {
            throw new ArgumentException(ChartErrors.Format(ChartErrors.LengthMismatch, nameof(cells), cells.Length, nameof(Headers), Headers.Count), nameof(cells));
        }

        _rows.Add(Array.ConvertAll(cells, FormatCell));
        return this;
    }

    /// <summary>Returns the cell in row <paramref name="row"/> under the header <paramref name="header"/>.</summary>
    public string Cell(int row, string header)
    {
        int column = Headers.ToList().IndexOf(header);
        if (column < 0)
        {
            throw new ArgumentException(ChartErrors.Format(ChartErrors.UnknownColumn, header, string.Join(", ", Headers)), nameof(header));
        }

        return _rows[row][column];
    }

    /// <summary>Returns the table as plain text with columns padded to a common width.</summary>
    public override string ToString()
    {
        var widths = new int[Headers.Count];
        foreach (IReadOnlyList<string> line in _rows.Prepend(Headers.ToArray()))
        {
            for (int j = 0; j < widths.Length; j++)
            {
                widths[j] = Math.Max(widths[j], DisplayWidth(line[j]));
            }
        }

        var text = new StringBuilder();
        AppendLine(text, Headers, widths);
        text.AppendLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (string[] row in _rows)
        {
            AppendLine(text, row, widths);
        }

        return text.ToString();
    }

    /// <summary>
    /// Returns the table as an HTML <c>table</c> element with escaped cells. When every cell of a column is a number,
    /// the column's 1-based position is listed in the table's <c>data-number-columns</c> attribute (e.g. "2 3"), so a
    /// style sheet can align those columns on the right. Header and data cells stay plain <c>th</c> and <c>td</c>.
    /// </summary>
    public string ToHtml()
    {
        int[] numberColumns = Enumerable.Range(0, Headers.Count)
            .Where(column => _rows.Count > 0 && _rows.All(row => row[column].Length == 0 || IsNumber(row[column])))
            .Select(column => column + 1)
            .ToArray();

        var html = new StringBuilder("<table class=\"batchtutorial-table\"");
        if (numberColumns.Length > 0)
        {
            html.Append(" data-number-columns=\"").Append(string.Join(' ', numberColumns)).Append('"');
        }

        html.Append("><thead><tr>");
        foreach (string header in Headers)
        {
            html.Append("<th>").Append(System.Net.WebUtility.HtmlEncode(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (string[] row in _rows)
        {
            html.Append("<tr>");
            foreach (string cell in row)
            {
                html.Append("<td>").Append(System.Net.WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    // A cell as FormatCell writes a number: "1,000", "-0.1235", "2.5E-05" or "NaN".
    private static bool IsNumber(string cell) =>
        cell == "NaN" || System.Text.RegularExpressions.Regex.IsMatch(cell, @"^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(E[-+]?\d+)?$");

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        for (int j = 0; j < cells.Count; j++)
        {
            if (j > 0)
            {
                text.Append(" | ");
            }

            text.Append(cells[j]).Append(' ', widths[j] - DisplayWidth(cells[j]));
        }

        text.AppendLine();
    }

    // East Asian wide characters take two columns in a terminal.
    private static int DisplayWidth(string text) => text.Sum(c => c >= '\u1100' && (c <= '\u115f' || (c >= '\u2e80' && c <= '\ua4cf') || (c >= '\uac00' && c <= '\ud7a3') || (c >= '\uf900' && c <= '\ufaff') || (c >= '\uff00' && c <= '\uff60') || (c >= '\uffe0' && c <= '\uffe6')) ? 2 : 1);

    private static string FormatCell(object? cell) => cell switch
    {
        null => string.Empty,
        int or long => string.Format(CultureInfo.InvariantCulture, "{0:N0}", cell),
        double value when double.IsNaN(value) => "NaN",
        double value when value != 0 && (Math.Abs(value) < 1e-3 || Math.Abs(value) >= 1e7) => value.ToString("G4", CultureInfo.InvariantCulture),
        double value => value.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };
}
