using System.Runtime.InteropServices;
using BatchTutorial.Runner;

RunnerOptions? options;
try
{
    options = CommandLine.Parse(args, Environment.CurrentDirectory);
}
catch (Exception exception) when (exception is ArgumentException or DirectoryNotFoundException)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

if (options is null)
{
    Console.WriteLine(CommandLine.HelpText);
    return 0;
}

// Ctrl+C and SIGTERM cancel the run, so the running kernel is killed instead of being left behind.
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
    RunResult result = await NotebookRunner.RunAsync(options, Console.Out, cancellation.Token);
    return result.Succeeded ? 0 : 1;
}
catch (Exception exception) when (exception is InvalidOperationException or FileNotFoundException or InvalidDataException)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("The run was cancelled.");
    return 1;
}
