namespace BatchTutorial.Runner;

/// <summary>
/// Settings of one runner invocation.
/// </summary>
/// <param name="RepositoryRoot">The folder that contains BatchTutorial.sln.</param>
/// <param name="ArtifactsDirectory">The folder that receives executed notebooks, the site and the run summary.</param>
/// <param name="CellTimeout">The maximum time one code cell may run before its kernel is killed.</param>
/// <param name="NotebookFilter">A substring that a notebook's relative path (for example <c>en/00-getting-started</c>) must contain, or <c>null</c> for all notebooks.</param>
/// <param name="SkipBuild">Skips <c>dotnet tool restore</c> and the Release build when <c>true</c>.</param>
/// <param name="KernelStartTimeout">The maximum time the kernel may take to report <c>KernelReady</c>.</param>
public sealed record RunnerOptions(
    string RepositoryRoot,
    string ArtifactsDirectory,
    TimeSpan CellTimeout,
    string? NotebookFilter = null,
    bool SkipBuild = false,
    TimeSpan? KernelStartTimeout = null)
{
    /// <summary>The default for <see cref="CellTimeout"/>: 300 seconds.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromSeconds(300);

    /// <summary>The default for <see cref="KernelStartTimeout"/>: 60 seconds.</summary>
    public static readonly TimeSpan DefaultKernelStartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The build configuration that notebooks/setup.dib loads the libraries from.</summary>
    public const string BuildConfiguration = "Release";

    /// <summary>The folder that contains the <c>ja</c> and <c>en</c> notebook folders.</summary>
    public string NotebooksDirectory => Path.Combine(RepositoryRoot, "notebooks");

    /// <summary>The effective kernel start timeout.</summary>
    public TimeSpan EffectiveKernelStartTimeout => KernelStartTimeout ?? DefaultKernelStartTimeout;
}
