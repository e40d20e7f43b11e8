using System.Text.Json.Nodes;
using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// Runs the dev container's post-create script (tool restore, Release build, kernel registration) with its own
/// Jupyter data folder, so the result depends on no kernels registered by the user.
/// </summary>
public sealed class JupyterKernelFixture : IAsyncLifetime
{
    public string RepositoryRoot { get; } = RepositoryLayout.FindRoot(AppContext.BaseDirectory);

    public string JupyterDirectory { get; } = Path.Combine(Path.GetTempPath(), "batchtutorial-jupyter-" + Guid.NewGuid().ToString("N"));

    /// <summary>Points Jupyter's data folder (kernelspecs, runtime files) and its config folder at <see cref="JupyterDirectory"/>.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["JUPYTER_DATA_DIR"] = Path.Combine(JupyterDirectory, "data"),
        ["JUPYTER_CONFIG_DIR"] = Path.Combine(JupyterDirectory, "config"),
    };

    public ProcessResult PostCreate { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(JupyterDirectory);
        PostCreate = await ProcessRunner.RunAsync("bash", [".devcontainer/post-create.sh"], RepositoryRoot, TimeSpan.FromMinutes(15), Environment);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(JupyterDirectory, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Registers the pinned kernel with Jupyter as the dev container does and executes lessons with Debian's
/// <c>jupyter nbconvert</c>, the way a Jupyter user runs them. In the notebook collection, so the kernel's
/// outputs can be compared with the runner's and no build runs beside the runner's.
/// </summary>
[Collection(NotebookRunCollection.Name)]
public sealed class JupyterTests(NotebookRunFixture run, JupyterKernelFixture jupyter) : IClassFixture<JupyterKernelFixture>
{
    private const string KernelName = ".net-csharp";

    public static TheoryData<string, string> TestedNotebooks() => TestedLessons.InBothLanguages();

    [Fact]
    public void PostCreate_Succeeds()
    {
        Assert.True(jupyter.PostCreate.ExitCode == 0, jupyter.PostCreate.ToString());
        Assert.True(
            File.Exists(Path.Combine(run.RepositoryRoot, "src", "BatchTutorial.Interactive", "bin", "Release", "net10.0", "BatchTutorial.Interactive.dll")),
            "post-create.sh did not leave the Release build that notebooks/setup.dib loads");
    }

    [Fact]
    public async Task KernelSpec_IsListedAndLocalOnly()
    {
        ProcessResult list = await ProcessRunner.RunAsync("jupyter", ["kernelspec", "list"], run.RepositoryRoot, TimeSpan.FromMinutes(1), jupyter.Environment);
        string specFolder = Path.Combine(jupyter.Environment["JUPYTER_DATA_DIR"], "kernels", KernelName);

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Matches(@$"(?m)^\s*{System.Text.RegularExpressions.Regex.Escape(KernelName)}\s+{System.Text.RegularExpressions.Regex.Escape(specFolder)}\s*$", list.Output);

        JsonObject spec = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(specFolder, "kernel.json")))!;
        string[] argv = spec["argv"]!.AsArray().Select(argument => argument!.GetValue<string>()).ToArray();
        Assert.Contains("--http-local-only", argv);
        Assert.Equal(["dotnet", "interactive", "jupyter", "--default-kernel", "csharp"], argv[..5]);
        Assert.Equal("C#", spec["language"]?.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TestedNotebooks))]
    public async Task Nbconvert_ExecutesLesson(string lesson, string language)
    {
        NotebookLocation notebook = TestedLessons.Find(run.RepositoryRoot, lesson, language);
        Assert.True(jupyter.PostCreate.ExitCode == 0, "the kernel is not registered: " + jupyter.PostCreate);
        string outputDirectory = Path.Combine(jupyter.JupyterDirectory, "executed", language);
        Directory.CreateDirectory(outputDirectory);

        ProcessResult nbconvert = await ProcessRunner.RunAsync(
            "jupyter",
            ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=600", "--output-dir", outputDirectory, Path.GetFileName(notebook.Path)],
            notebook.Directory,
            TimeSpan.FromMinutes(15),
            jupyter.Environment);

        Assert.True(nbconvert.ExitCode == 0, nbconvert.ToString());
        JsonObject executed = NotebookFile.Read(Path.Combine(outputDirectory, Path.GetFileName(notebook.Path)));
        JsonNode?[] codeCells = CodeCells(executed);
        Assert.True(codeCells.Skip(1).Any(cell => cell!["outputs"]!.AsArray().Count > 0), $"{notebook.DisplayName}: no code cell after setup has outputs under Jupyter");
        Assert.DoesNotContain(codeCells.SelectMany(cell => cell!["outputs"]!.AsArray()), output => output?["output_type"]?.GetValue<string>() == "error");

        // Every cell that shows something in the runner's kernel shows something under Jupyter too.
        NotebookResult runnerResult = run.Result.Notebooks.Single(result => result.Notebook.DisplayName == notebook.DisplayName);
        JsonNode?[] runnerCells = CodeCells(NotebookFile.Read(runnerResult.ExecutedPath));
        Assert.Equal(runnerCells.Length, codeCells.Length);
        for (int i = 1; i < codeCells.Length; i++)
        {
            bool runnerShows = runnerCells[i]!["outputs"]!.AsArray().Count > 0;
            bool jupyterShows = codeCells[i]!["outputs"]!.AsArray().Count > 0;
            Assert.True(runnerShows == jupyterShows, $"{notebook.DisplayName} cell {i + 1}: outputs in the runner: {runnerShows}, under Jupyter: {jupyterShows}");
        }
    }

    private static JsonNode?[] CodeCells(JsonObject notebook) => NotebookFile.Cells(notebook).Where(cell => NotebookFile.CellType(cell) == "code").ToArray();
}
