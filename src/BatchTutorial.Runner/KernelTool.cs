namespace BatchTutorial.Runner;

/// <summary>
/// Finds the entry assembly of the pinned <c>microsoft.dotnet-interactive</c> tool.
/// </summary>
/// <remarks>
/// The runner starts <c>dotnet Microsoft.DotNet.Interactive.App.dll stdio</c> itself instead of
/// <c>dotnet interactive stdio</c>: the latter is a launcher process with the kernel as its child,
/// and killing the launcher on a timeout would leave the kernel running.
/// </remarks>
internal static class KernelTool
{
    private const string EntryAssembly = "Microsoft.DotNet.Interactive.App.dll";

    /// <summary>
    /// Returns the full path of the kernel's entry assembly in the NuGet global packages folder.
    /// </summary>
    /// <exception cref="FileNotFoundException">The tool is not restored.</exception>
    public static async Task<string> FindEntryAssemblyAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        string version = RepositoryLayout.ReadKernelToolVersion(repositoryRoot);
        string packagesFolder = await FindGlobalPackagesFolderAsync(repositoryRoot, cancellationToken);
        string toolsFolder = Path.Combine(packagesFolder, RepositoryLayout.KernelToolId, version, "tools");

        string? entry = Directory.Exists(toolsFolder)
            ? Directory.GetFiles(toolsFolder, EntryAssembly, SearchOption.AllDirectories).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        return entry
            ?? throw new FileNotFoundException(
                $"The kernel tool {RepositoryLayout.KernelToolId} {version} is not restored (looked in '{toolsFolder}'). "
                + "Run `dotnet tool restore` in the repository root.");
    }

    private static async Task<string> FindGlobalPackagesFolderAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        string? configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        // Prints "global-packages: /root/.nuget/packages/" and honours NuGet.Config files.
        (int exitCode, string output) = await ChildProcess.RunDotnetAsync(
            repositoryRoot, ["nuget", "locals", "global-packages", "--list"], cancellationToken);
        const string Prefix = "global-packages:";
        string? line = output.Split('\n').Select(text => text.Trim()).FirstOrDefault(text => text.StartsWith(Prefix, StringComparison.Ordinal));
        if (exitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"'dotnet nuget locals global-packages --list' failed with exit code {exitCode}: {output}");
        }

        return line[Prefix.Length..].Trim();
    }
}
