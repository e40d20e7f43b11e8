using System.Text.Json.Nodes;
using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// Checks the notebooks as saved in the repository, without running them.
/// </summary>
public sealed class RepositoryNotebookTests
{
    private static readonly string RepositoryRoot = RepositoryLayout.FindRoot(AppContext.BaseDirectory);
    private static readonly string NotebooksDirectory = Path.Combine(RepositoryRoot, "notebooks");

    // Notebook-level metadata that every front end writes the same way on every machine.
    private static readonly HashSet<string> AllowedNotebookMetadata = ["kernelspec", "language_info", "polyglot_notebook"];
    private static readonly HashSet<string> AllowedCellMetadata = ["polyglot_notebook", "tags"];

    public static TheoryData<string> SavedNotebooks()
    {
        var data = new TheoryData<string>();
        foreach (NotebookLocation notebook in RepositoryLayout.FindNotebooks(NotebooksDirectory, filter: null))
        {
            data.Add(notebook.DisplayName);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SavedNotebooks))]
    public void SavedNotebook_HasNoOutputs(string displayName)
    {
        foreach (JsonNode? cell in CodeCells(Read(displayName)))
        {
            Assert.Empty(cell!["outputs"]!.AsArray());
            Assert.Null(cell["execution_count"]);
        }
    }

    [Theory]
    [MemberData(nameof(SavedNotebooks))]
    public void SavedNotebook_HasNoMachineMetadata(string displayName)
    {
        JsonObject notebook = Read(displayName);
        JsonObject metadata = notebook["metadata"]!.AsObject();

        Assert.All(metadata, entry => Assert.Contains(entry.Key, AllowedNotebookMetadata));
        Assert.Equal(".net-csharp", metadata["kernelspec"]?["name"]?.GetValue<string>());
        Assert.Equal("C#", metadata["language_info"]?["name"]?.GetValue<string>());
        foreach (JsonNode? cell in NotebookFile.Cells(notebook))
        {
            Assert.All(cell!["metadata"]?.AsObject() ?? [], entry => Assert.Contains(entry.Key, AllowedCellMetadata));
        }
    }

    [Theory]
    [MemberData(nameof(SavedNotebooks))]
    public void SavedNotebook_CodeCellsTargetCSharp(string displayName)
    {
        foreach (JsonNode? cell in CodeCells(Read(displayName)))
        {
            Assert.Equal("csharp", cell!["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>());
        }
    }

    [Theory]
    [MemberData(nameof(SavedNotebooks))]
    public void FirstCodeCell_OnlyImportsSetup(string displayName)
    {
        string firstCell = NotebookFile.Source(CodeCells(Read(displayName)).First());
        string[] codeLines = firstCell.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))
            .ToArray();

        Assert.Equal(["#!import ../setup.dib"], codeLines);
    }

    [Fact]
    public void CodeCells_MatchBetweenLanguages()
    {
        string[] japanese = NotebookNames("ja");
        string[] english = NotebookNames("en");
        string[] shared = japanese.Intersect(english).ToArray();

        Assert.NotEmpty(shared);
        foreach (string name in shared)
        {
            string[] japaneseCode = CodeCells(Read($"ja/{name}")).Select(NotebookFile.Source).ToArray();
            string[] englishCode = CodeCells(Read($"en/{name}")).Select(NotebookFile.Source).ToArray();

            Assert.True(japaneseCode.Length == englishCode.Length, $"{name}: {japaneseCode.Length} code cells in ja, {englishCode.Length} in en");
            for (int i = 0; i < japaneseCode.Length; i++)
            {
                Assert.True(japaneseCode[i] == englishCode[i], $"{name}: code cell {i + 1} differs between ja and en");
            }
        }
    }

    private static string[] NotebookNames(string language)
    {
        return Directory.GetFiles(Path.Combine(NotebooksDirectory, language), "*.ipynb")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .ToArray()!;
    }

    private static JsonObject Read(string displayName) => NotebookFile.Read(Path.Combine(NotebooksDirectory, displayName + ".ipynb"));

    private static IEnumerable<JsonNode?> CodeCells(JsonObject notebook)
    {
        return NotebookFile.Cells(notebook).Where(cell => NotebookFile.CellType(cell) == "code");
    }
}
