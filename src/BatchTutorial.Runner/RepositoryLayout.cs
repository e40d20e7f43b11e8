using System.Text.Json.Nodes;

namespace BatchTutorial.Runner;

/// <summary>
/// Locates the repository, its notebooks and the pinned kernel tool.
/// </summary>
internal static class RepositoryLayout
{
    public const string SolutionFileName = "BatchTutorial.sln";
    public const string KernelToolId = "microsoft.dotnet-interactive";
    public static readonly string[] Languages = ["ja", "en"];

    /// <summary>
    /// Walks up from <paramref name="startDirectory"/> to the folder that contains BatchTutorial.sln.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No parent folder contains the solution.</exception>
    public static string FindRoot(string startDirectory)
    {
        for (DirectoryInfo? directory = new(Path.GetFullPath(startDirectory)); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No {SolutionFileName} found in '{startDirectory}' or its parents. Run from inside the repository or pass --repository.");
    }

    /// <summary>
    /// Lists the notebooks to run as (language, full path), ja first, in file name order.
    /// </summary>
    public static IReadOnlyList<NotebookLocation> FindNotebooks(string notebooksDirectory, string? filter)
    {
        var notebooks = new List<NotebookLocation>();
        foreach (string language in Languages)
        {
            string folder = Path.Combine(notebooksDirectory, language);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (string path in Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal))
            {
                var location = new NotebookLocation(language, path);
                if (filter is null || location.DisplayName.Contains(filter, StringComparison.Ordinal))
                {
                    notebooks.Add(location);
                }
            }
        }

        return notebooks;
    }

    /// <summary>
    /// Reads the pinned version of the kernel tool from .config/dotnet-tools.json.
    /// </summary>
    /// <exception cref="InvalidDataException">The manifest does not pin microsoft.dotnet-interactive.</exception>
    public static string ReadKernelToolVersion(string repositoryRoot)
    {
        string manifestPath = Path.Combine(repositoryRoot, ".config", "dotnet-tools.json");
        JsonNode? manifest = JsonNode.Parse(File.ReadAllText(manifestPath));
        string? version = manifest?["tools"]?[KernelToolId]?["version"]?.GetValue<string>();
        return version
            ?? throw new InvalidDataException($"'{manifestPath}' does not pin the tool '{KernelToolId}'.");
    }
}

/// <summary>
/// A notebook file and the language folder it lives in.
/// </summary>
public sealed record NotebookLocation(string Language, string Path)
{
    /// <summary>The file name without extension, for example <c>00-getting-started</c>.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The language and name, for example <c>en/00-getting-started</c>.</summary>
    public string DisplayName => $"{Language}/{Name}";

    /// <summary>The folder the kernel runs in, so relative paths in the notebook resolve as in VS Code and Jupyter.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;
}
