using System.Runtime.InteropServices;
using BatchTutorial.Runner;

Invocation? invocation;
try
{
    invocation = CommandLine.Parse(args, Environment.CurrentDirectory);
}
catch (Exception exception) when (exception is ArgumentException or DirectoryNotFoundException)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

if (invocation is null)
{
    Console.WriteLine(CommandLine.HelpText);
    return 0;
}

// Ctrl+C and SIGTERM cancel the run, so the running kernel or browser is stopped instead of being left behind.
using var cancellation = new CancellationTokenSource();
void CancelRun(PosixSignalContext context)
{
    context.Cancel = true;
    cancellation.Cancel();
}

using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, CancelRun);
using PosixSignalRegistration termination = PosixSignalRegistration.Create(PosixSignal.SIGTERM, CancelRun);

try
{
    switch (invocation.Command)
    {
        case RunnerCommand.Apps:
            return GenerateApps(invocation);
        case RunnerCommand.Screenshots:
            await ScreenshotTaker.TakeAsync(invocation.Screenshots, Console.Out, cancellation.Token);
            return 0;
        default:
            RunResult result = await NotebookRunner.RunAsync(invocation.Options, Console.Out, cancellation.Token);
            return result.Succeeded ? 0 : 1;
    }
}
catch (Exception exception) when (exception is InvalidOperationException or FileNotFoundException or InvalidDataException or Microsoft.Playwright.PlaywrightException)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("The run was cancelled.");
    return 1;
}

static int GenerateApps(Invocation invocation)
{
    RunnerOptions options = invocation.Options;
    IReadOnlyList<AppCheck> checks = AppWriter.Check(options.NotebooksDirectory, options.RepositoryRoot, options.NotebookFilter);
    if (checks.Count == 0)
    {
        Console.Error.WriteLine($"No notebook found in '{options.NotebooksDirectory}/{{ja,en}}'" + (options.NotebookFilter is null ? "." : $" matching '{options.NotebookFilter}'."));
        return 1;
    }

    if (!invocation.CheckOnly)
    {
        return AppWriter.Apply(checks, options.RepositoryRoot, Console.Out) == 0 ? 0 : 1;
    }

    foreach (AppCheck check in checks)
    {
        string shownPath = Path.GetRelativePath(options.RepositoryRoot, check.AppPath);
        Console.WriteLine(check.State switch
        {
            AppState.UpToDate => $"{shownPath}: up to date",
            AppState.Invalid => $"{shownPath}: FAILED: {check.Error}",
            AppState.Orphaned => $"{shownPath}: its notebook no longer exists",
            _ => $"{shownPath}: {(check.State == AppState.Missing ? "missing" : "out of date")}; run `dotnet run --project src/BatchTutorial.Runner -- apps`",
        });
    }

    return checks.All(check => check.State == AppState.UpToDate) ? 0 : 1;
}
