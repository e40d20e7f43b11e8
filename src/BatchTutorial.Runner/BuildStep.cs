namespace BatchTutorial.Runner;

/// <summary>
/// Restores the pinned tools and builds the projects that notebooks load.
/// </summary>
internal static class BuildStep
{
    /// <summary>
    /// Runs <c>dotnet tool restore</c>, then <c>dotnet build -c Release</c> for every project under
    /// <c>src/</c> except the runner itself (it is already built, because it is running).
    /// </summary>
    /// <exception cref="InvalidOperationException">A command failed; the message contains its output.</exception>
    public static async Task RunAsync(RunnerOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        await RunCheckedAsync(options.RepositoryRoot, ["tool", "restore"], log, cancellationToken);

        string sourceDirectory = Path.Combine(options.RepositoryRoot, "src");
        IEnumerable<string> projects = Directory.GetDirectories(sourceDirectory)
            .Order(StringComparer.Ordinal)
            .Select(folder => Path.Combine(folder, Path.GetFileName(folder) + ".csproj"))
            .Where(File.Exists)
            .Where(project => Path.GetFileNameWithoutExtension(project) != typeof(BuildStep).Assembly.GetName().Name);

        foreach (string project in projects)
        {
            await RunCheckedAsync(
                options.RepositoryRoot,
                ["build", project, "-c", RunnerOptions.BuildConfiguration, "-nologo", "-nodeReuse:false", "--disable-build-servers"],
                log,
                cancellationToken);
        }
    }

    private static async Task RunCheckedAsync(
        string workingDirectory, string[] arguments, TextWriter log, CancellationToken cancellationToken)
    {
        string commandText = "dotnet " + string.Join(' ', arguments);
        log.WriteLine($"> {commandText}");
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        (int exitCode, string output) = await ChildProcess.RunDotnetAsync(workingDirectory, arguments, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"'{commandText}' failed with exit code {exitCode}:{Environment.NewLine}{output}");
        }

        log.WriteLine($"  done in {stopwatch.Elapsed.TotalSeconds:F1} s");
    }
}
