using System.Text.Json.Nodes;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// Builds small notebooks and a throwaway repository layout for tests of failure paths.
/// </summary>
internal static class TestNotebooks
{
    /// <summary>
    /// Creates a folder with .config/dotnet-tools.json (copied from the repository, so the same kernel
    /// runs) and an empty notebooks/ja and notebooks/en.
    /// </summary>
    public static string CreateRepository(string repositoryRoot)
    {
        string root = Path.Combine(Path.GetTempPath(), "batchtutorial-repo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, ".config"));
        File.Copy(Path.Combine(repositoryRoot, ".config", "dotnet-tools.json"), Path.Combine(root, ".config", "dotnet-tools.json"));
        Directory.CreateDirectory(Path.Combine(root, "notebooks", "ja"));
        Directory.CreateDirectory(Path.Combine(root, "notebooks", "en"));
        return root;
    }

    /// <summary>Writes a notebook whose cells are the given C# sources.</summary>
    public static void WriteCodeNotebook(string path, params string[] codeCells)
    {
        var cells = new JsonArray();
        foreach (string code in codeCells)
        {
            cells.Add(new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
                ["outputs"] = new JsonArray(),
                ["source"] = code,
            });
        }

        var notebook = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["language"] = "C#", ["display_name"] = ".NET (C#)" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, notebook.ToJsonString());
    }

    /// <summary>
    /// Lists running kernel processes whose command line contains <paramref name="fragment"/>
    /// (the runner passes the notebook folder as <c>--working-dir</c>).
    /// </summary>
    public static IReadOnlyList<int> FindKernelProcesses(string fragment)
    {
        var found = new List<int>();
        foreach (string directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out int processId))
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (commandLine.Contains("Microsoft.DotNet.Interactive.App.dll", StringComparison.Ordinal)
                && commandLine.Contains(fragment, StringComparison.Ordinal))
            {
                found.Add(processId);
            }
        }

        return found;
    }
}
