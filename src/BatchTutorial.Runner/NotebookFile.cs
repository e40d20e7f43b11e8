using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BatchTutorial.Runner;

/// <summary>
/// Reads and writes .ipynb files (nbformat 4) as JSON, keeping every field the runner does not change.
/// </summary>
internal static class NotebookFile
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        // Keeps Japanese text and HTML readable in the file instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <exception cref="InvalidDataException">The file is not an nbformat 4 notebook.</exception>
    public static JsonObject Read(string path)
    {
        JsonObject notebook = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidDataException($"'{path}' is not a JSON object, so it is not a notebook.");
        int? major = notebook["nbformat"]?.GetValue<int>();
        if (major != 4 || notebook["cells"] is not JsonArray)
        {
            throw new InvalidDataException($"'{path}' is not an nbformat 4 notebook (nbformat is '{major}').");
        }

        return notebook;
    }

    public static void Write(string path, JsonObject notebook)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, notebook.ToJsonString(WriteOptions) + "\n");
    }

    public static JsonArray Cells(JsonObject notebook) => (JsonArray)notebook["cells"]!;

    public static string CellType(JsonNode? cell) => cell?["cell_type"]?.GetValue<string>() ?? "";

    /// <summary>Returns a cell's source, which nbformat stores as a string or a list of lines.</summary>
    public static string Source(JsonNode? cell)
    {
        return cell?["source"] switch
        {
            JsonArray lines => string.Concat(lines.Select(line => line?.GetValue<string>() ?? "")),
            JsonValue text => text.GetValue<string>(),
            _ => "",
        };
    }

    /// <summary>Returns the text of the first Markdown heading, or <c>null</c>.</summary>
    public static string? FindTitle(JsonObject notebook)
    {
        foreach (JsonNode? cell in Cells(notebook).Where(cell => CellType(cell) == "markdown"))
        {
            string? heading = Source(cell).Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith("# ", StringComparison.Ordinal));
            if (heading is not null)
            {
                return heading[2..].Trim();
            }
        }

        return null;
    }
}
