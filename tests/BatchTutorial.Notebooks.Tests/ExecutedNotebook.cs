using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// An executed notebook from the shared run, with lookups for the outputs that lesson tests check: a code cell found
/// by a fragment of its source, its standard output, and the kit's HTML tables.
/// </summary>
internal sealed partial class ExecutedNotebook
{
    private ExecutedNotebook(string path, JsonObject document)
    {
        Path = path;
        Document = document;
    }

    public string Path { get; }

    public JsonObject Document { get; }

    /// <summary>Reads <c>artifacts/notebooks/{language}/{name}.ipynb</c>, which exists only when every cell passed.</summary>
    public static ExecutedNotebook Read(NotebookRunFixture run, string language, string name)
    {
        string path = System.IO.Path.Combine(run.ArtifactsDirectory, "notebooks", language, name + ".ipynb");
        Assert.True(File.Exists(path), $"{language}/{name} has no executed copy at {path}; did a cell fail?\n{run.Log}");
        return new ExecutedNotebook(path, NotebookFile.Read(path));
    }

    /// <summary>Returns the only code cell whose source contains <paramref name="fragment"/>.</summary>
    public JsonNode CodeCell(string fragment)
    {
        JsonNode?[] matches = NotebookFile.Cells(Document)
            .Where(cell => NotebookFile.CellType(cell) == "code" && NotebookFile.Source(cell).Contains(fragment, StringComparison.Ordinal))
            .ToArray();
        Assert.True(matches.Length == 1, $"{Path}: expected one code cell containing '{fragment}', found {matches.Length}");
        return matches[0]!;
    }

    /// <summary>Returns the code cells whose source contains <paramref name="fragment"/>, in notebook order.</summary>
    public IReadOnlyList<JsonNode> CodeCells(string fragment)
    {
        return NotebookFile.Cells(Document)
            .Where(cell => NotebookFile.CellType(cell) == "code" && NotebookFile.Source(cell).Contains(fragment, StringComparison.Ordinal))
            .Select(cell => cell!)
            .ToArray();
    }

    /// <summary>Returns the concatenated stdout stream of a cell, with line ends normalized to \n.</summary>
    public static string StandardOutput(JsonNode cell)
    {
        string text = string.Concat(Outputs(cell)
            .Where(output => output["output_type"]?.GetValue<string>() == "stream" && output["name"]?.GetValue<string>() == "stdout")
            .Select(output => ChartOutput.JoinLines(output["text"])));
        return text.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Returns the outputs of a cell.</summary>
    public static IReadOnlyList<JsonNode> Outputs(JsonNode cell)
    {
        return (cell["outputs"] as JsonArray ?? []).Select(output => output!).ToArray();
    }

    /// <summary>
    /// Returns the only <c>TextTable</c> a cell displays, as rows of decoded cell texts with the header row first.
    /// </summary>
    public static IReadOnlyList<string[]> Table(JsonNode cell)
    {
        string[] tables = Outputs(cell)
            .Select(output => ChartOutput.JoinLines(output["data"]?["text/html"]))
            .Where(html => html.Contains("batchtutorial-table", StringComparison.Ordinal))
            .ToArray();
        return ParseTable(Assert.Single(tables));
    }

    /// <summary>Returns the rows of an HTML table as decoded cell texts, the header row first.</summary>
    public static IReadOnlyList<string[]> ParseTable(string html)
    {
        return TableRow().Matches(html)
            .Select(row => TableCell().Matches(row.Groups[1].Value).Select(cellText => WebUtility.HtmlDecode(cellText.Groups[1].Value)).ToArray())
            .ToArray();
    }

    /// <summary>Returns the column of a table, header excluded, by the column's position.</summary>
    public static string[] Column(IReadOnlyList<string[]> table, int column)
    {
        return table.Skip(1).Select(row => row[column]).ToArray();
    }

    /// <summary>Parses a table number, which the kit formats with the invariant culture and thousands separators.</summary>
    public static double Number(string text)
    {
        return double.Parse(text.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Returns whether the text contains hiragana, katakana or a CJK ideograph.</summary>
    public static bool HasJapanese(string text) => JapaneseCharacter().IsMatch(text);

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRow();

    [GeneratedRegex("<t[hd](?:\\s[^>]*)?>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex TableCell();

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex JapaneseCharacter();
}
