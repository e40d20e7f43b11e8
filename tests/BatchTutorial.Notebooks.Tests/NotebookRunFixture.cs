using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// Runs every notebook of the repository once per test run, through the runner, into a temporary
/// artifacts folder. Executing notebooks is the expensive step (a kernel start and a NuGet restore
/// per notebook), so all tests of the collection share it.
/// </summary>
public sealed class NotebookRunFixture : IAsyncLifetime
{
    public string RepositoryRoot { get; } = RepositoryLayout.FindRoot(AppContext.BaseDirectory);

    public string ArtifactsDirectory { get; } = Path.Combine(Path.GetTempPath(), "batchtutorial-notebooks-" + Guid.NewGuid().ToString("N"));

    public RunResult Result { get; private set; } = null!;

    /// <summary>The runner's progress output, shown in assertion messages.</summary>
    public string Log { get; private set; } = "";

    public string SiteDirectory => Path.Combine(ArtifactsDirectory, "site");

    public async Task InitializeAsync()
    {
        var log = new StringWriter();
        var options = new RunnerOptions(RepositoryRoot, ArtifactsDirectory, TimeSpan.FromSeconds(300));
        Result = await NotebookRunner.RunAsync(options, log);
        Log = log.ToString();
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(ArtifactsDirectory))
        {
            Directory.Delete(ArtifactsDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class NotebookRunCollection : ICollectionFixture<NotebookRunFixture>
{
    public const string Name = "Executed notebooks";
}
