using System.Diagnostics;
using System.Text;
using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>The exit code and separate standard output and error of a finished process.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Output, string Error)
{
    /// <summary>Describes the command and everything it printed, for assertion messages.</summary>
    public override string ToString() => $"`{CommandLine}` exited with {ExitCode}.\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}

/// <summary>
/// Runs a command line tool (dotnet, bash, jupyter) to its end, with a time limit.
/// </summary>
internal static class ProcessRunner
{
    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>, with the
    /// runner's quiet .NET environment plus <paramref name="environment"/>.
    /// </summary>
    /// <exception cref="TimeoutException">The process ran longer than <paramref name="timeout"/>; it and its children were killed.</exception>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in ChildProcess.QuietEnvironment.Concat(environment ?? new Dictionary<string, string>()))
        {
            startInfo.Environment[name] = value;
        }

        string commandLine = string.Join(' ', arguments.Prepend(fileName));
        using var process = new Process { StartInfo = startInfo };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);

        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timer = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{commandLine}` in {workingDirectory} did not finish within {timeout.TotalSeconds:F0} s and was killed.\n{output}\n{error}");
        }

        // The parameterless wait flushes the asynchronous output readers.
        process.WaitForExit();
        lock (output)
        {
            lock (error)
            {
                return new ProcessResult(commandLine, process.ExitCode, output.ToString(), error.ToString());
            }
        }
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.Append(line).Append('\n');
        }
    }
}
