using System.Globalization;

namespace BatchTutorial.Runner;

/// <summary>
/// Parses the runner's command line: <c>run [options]</c>.
/// </summary>
internal static class CommandLine
{
    public const string HelpText = """
        Usage: dotnet run --project src/BatchTutorial.Runner -- run [options]

        Restores the pinned .NET tools, builds the libraries in Release, executes every
        notebooks/ja/*.ipynb and notebooks/en/*.ipynb in the pinned .NET Interactive kernel,
        and writes artifacts/notebooks (executed notebooks) and artifacts/site (static HTML).

        Options:
          --cell-timeout <seconds>   Maximum run time of one code cell; the kernel is killed after it. Default: 300.
          --filter <text>            Run only notebooks whose path (for example en/00-getting-started) contains the text.
          --artifacts <folder>       Output folder. Default: artifacts under the repository root.
          --repository <folder>      Repository root (the folder with BatchTutorial.sln). Default: found from the current folder.
          --no-build                 Skip `dotnet tool restore` and the Release build.
          -h, --help                 Show this help.

        Exit codes: 0 when every cell succeeded, 1 when a notebook failed, 2 for invalid arguments.
        """;

    /// <summary>
    /// Parses <paramref name="args"/> into options.
    /// </summary>
    /// <returns>The options, or <c>null</c> when help was requested.</returns>
    /// <exception cref="ArgumentException">An argument is missing, unknown or invalid.</exception>
    public static RunnerOptions? Parse(IReadOnlyList<string> args, string currentDirectory)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            return null;
        }

        if (args[0] != "run")
        {
            throw new ArgumentException($"Unknown command '{args[0]}'. The only command is 'run'; use --help for the options.");
        }

        TimeSpan cellTimeout = RunnerOptions.DefaultCellTimeout;
        string? filter = null;
        string? artifacts = null;
        string? repository = null;
        bool skipBuild = false;

        for (int i = 1; i < args.Count; i++)
        {
            string name = args[i];
            switch (name)
            {
                case "-h" or "--help":
                    return null;
                case "--no-build":
                    skipBuild = true;
                    break;
                case "--cell-timeout":
                    cellTimeout = ParseSeconds(name, ReadValue(args, ref i));
                    break;
                case "--filter":
                    filter = ReadValue(args, ref i);
                    break;
                case "--artifacts":
                    artifacts = ReadValue(args, ref i);
                    break;
                case "--repository":
                    repository = ReadValue(args, ref i);
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{name}'. Use --help for the options.");
            }
        }

        string root = repository is null
            ? RepositoryLayout.FindRoot(currentDirectory)
            : Path.GetFullPath(repository, currentDirectory);
        string artifactsDirectory = Path.GetFullPath(artifacts ?? Path.Combine(root, "artifacts"), currentDirectory);
        return new RunnerOptions(root, artifactsDirectory, cellTimeout, filter, skipBuild);
    }

    private static string ReadValue(IReadOnlyList<string> args, ref int index)
    {
        string name = args[index];
        if (index + 1 >= args.Count)
        {
            throw new ArgumentException($"Option '{name}' is missing its value.");
        }

        index++;
        return args[index];
    }

    private static TimeSpan ParseSeconds(string name, string text)
    {
        bool valid = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds);
        if (!valid || !(seconds > 0) || double.IsInfinity(seconds))
        {
            throw new ArgumentException($"Option '{name}' expects a positive number of seconds, but got '{text}'.");
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
