using System.Globalization;

namespace BatchTutorial.Runner;

/// <summary>The runner's commands.</summary>
internal enum RunnerCommand
{
    /// <summary>Execute the notebooks and write artifacts/notebooks and artifacts/site.</summary>
    Run,

    /// <summary>Generate the file-based apps beside the notebooks.</summary>
    Apps,

    /// <summary>Take screenshots of a lesson's site pages in headless Chromium.</summary>
    Screenshots,
}

/// <summary>
/// A parsed command line.
/// </summary>
/// <param name="Command">The command to run.</param>
/// <param name="Options">The repository, artifacts folder and notebook selection; the run options apply to <see cref="RunnerCommand.Run"/> only.</param>
/// <param name="CheckOnly">For <see cref="RunnerCommand.Apps"/>: compare the apps with their notebooks without writing them.</param>
/// <param name="Screenshots">For <see cref="RunnerCommand.Screenshots"/>: which page and where the images go.</param>
internal sealed record Invocation(RunnerCommand Command, RunnerOptions Options, bool CheckOnly, ScreenshotOptions Screenshots);

/// <summary>
/// Parses the runner's command line: <c>run|apps|screenshots [options]</c>.
/// </summary>
internal static class CommandLine
{
    public const string HelpText = """
        Usage: dotnet run --project src/BatchTutorial.Runner -- <command> [options]

        Commands:
          run           Restores the pinned .NET tools, builds the libraries in Release, executes every
                        notebooks/ja/*.ipynb and notebooks/en/*.ipynb in the pinned .NET Interactive kernel,
                        and writes artifacts/notebooks (executed notebooks) and artifacts/site (static HTML).
          apps          Writes notebooks/{ja,en}/NN-name.cs beside each notebook: a .NET 10 file-based app
                        that runs the notebook's code cells (`dotnet run notebooks/en/NN-name.cs`).
          screenshots   Opens a lesson's pages of artifacts/site in headless Chromium (/usr/bin/chromium)
                        and writes lessonNN-ja.png and lessonNN-en.png (run `run` first).

        Options of run:
          --cell-timeout <seconds>   Maximum run time of one code cell; the kernel is killed after it. Default: 300.
          --no-build                 Skip `dotnet tool restore` and the Release build.
        Options of run and apps:
          --filter <text>            Only notebooks whose path (for example en/00-getting-started) contains the text.
        Options of apps:
          --check                    Write nothing; exit with 1 when an app is missing or differs from its notebook.
        Options of screenshots:
          --lesson <NN>              The lesson whose pages to open. Default: 03, or 00 when the site has no lesson 03.
          --chart <n>                Which chart of the page (1 = first) to scroll to. Default: 1.
          --output <folder>          Where the images go. Default: docs/images under the repository root.
        Options of every command:
          --artifacts <folder>       Artifacts folder (run writes it, screenshots reads its site). Default: artifacts.
          --repository <folder>      Repository root (the folder with BatchTutorial.sln). Default: found from the current folder.
          -h, --help                 Show this help.

        Exit codes: 0 on success, 1 when a notebook, an app or a screenshot failed (or `apps --check` found a
        stale app), 2 for invalid arguments.
        """;

    private static readonly Dictionary<string, RunnerCommand[]> OptionCommands = new()
    {
        ["--cell-timeout"] = [RunnerCommand.Run],
        ["--no-build"] = [RunnerCommand.Run],
        ["--filter"] = [RunnerCommand.Run, RunnerCommand.Apps],
        ["--check"] = [RunnerCommand.Apps],
        ["--lesson"] = [RunnerCommand.Screenshots],
        ["--chart"] = [RunnerCommand.Screenshots],
        ["--output"] = [RunnerCommand.Screenshots],
        ["--artifacts"] = [RunnerCommand.Run, RunnerCommand.Apps, RunnerCommand.Screenshots],
        ["--repository"] = [RunnerCommand.Run, RunnerCommand.Apps, RunnerCommand.Screenshots],
    };

    /// <summary>
    /// Parses <paramref name="args"/> into a command and its options.
    /// </summary>
    /// <returns>The invocation, or <c>null</c> when help was requested.</returns>
    /// <exception cref="ArgumentException">The command or an option is missing, unknown, invalid or not an option of the command.</exception>
    public static Invocation? Parse(IReadOnlyList<string> args, string currentDirectory)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            return null;
        }

        RunnerCommand command = args[0] switch
        {
            "run" => RunnerCommand.Run,
            "apps" => RunnerCommand.Apps,
            "screenshots" => RunnerCommand.Screenshots,
            _ => throw new ArgumentException($"Unknown command '{args[0]}'. The commands are run, apps and screenshots; use --help for the options."),
        };

        TimeSpan cellTimeout = RunnerOptions.DefaultCellTimeout;
        string? filter = null;
        string? artifacts = null;
        string? repository = null;
        bool skipBuild = false;
        bool checkOnly = false;
        string? lesson = null;
        int chart = 1;
        string? output = null;

        for (int i = 1; i < args.Count; i++)
        {
            string name = args[i];
            if (name is "-h" or "--help")
            {
                return null;
            }

            if (!OptionCommands.TryGetValue(name, out RunnerCommand[]? commands))
            {
                throw new ArgumentException($"Unknown option '{name}'. Use --help for the options.");
            }

            if (!commands.Contains(command))
            {
                throw new ArgumentException($"Option '{name}' is not an option of '{args[0]}'. Use --help for the options.");
            }

            switch (name)
            {
                case "--no-build":
                    skipBuild = true;
                    break;
                case "--check":
                    checkOnly = true;
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
                case "--lesson":
                    lesson = ParseLesson(name, ReadValue(args, ref i));
                    break;
                case "--chart":
                    chart = ParsePositiveInteger(name, ReadValue(args, ref i));
                    break;
                case "--output":
                    output = ReadValue(args, ref i);
                    break;
            }
        }

        string root = repository is null
            ? RepositoryLayout.FindRoot(currentDirectory)
            : Path.GetFullPath(repository, currentDirectory);
        string artifactsDirectory = Path.GetFullPath(artifacts ?? Path.Combine(root, "artifacts"), currentDirectory);
        var options = new RunnerOptions(root, artifactsDirectory, cellTimeout, filter, skipBuild);
        var screenshots = new ScreenshotOptions(
            Path.Combine(artifactsDirectory, "site"),
            Path.GetFullPath(output ?? Path.Combine(root, "docs", "images"), currentDirectory),
            lesson,
            chart);
        return new Invocation(command, options, checkOnly, screenshots);
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

    private static int ParsePositiveInteger(string name, string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
        {
            throw new ArgumentException($"Option '{name}' expects a whole number of 1 or more, but got '{text}'.");
        }

        return value;
    }

    private static string ParseLesson(string name, string text)
    {
        if (text.Length != 2 || !text.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Option '{name}' expects a two-digit lesson number such as 03, but got '{text}'.");
        }

        return text;
    }
}
