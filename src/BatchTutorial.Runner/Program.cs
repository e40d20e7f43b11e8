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

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Lets the running kernel be shut down instead of leaving it behind.
    e.Cancel = true;
    cancellation.Cancel();
};

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
