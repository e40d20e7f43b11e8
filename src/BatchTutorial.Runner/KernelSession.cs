using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace BatchTutorial.Runner;

/// <summary>
/// One .NET Interactive kernel process driven over its stdio protocol: one JSON envelope per line,
/// commands on standard input, events on standard output.
/// </summary>
internal sealed class KernelSession : IAsyncDisposable
{
    private static readonly TimeSpan QuitGracePeriod = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly Channel<JsonObject> _events = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Queue<string> _standardErrorTail = new();
    private readonly Task _readerTask;
    private int _nextToken;

    private KernelSession(Process process)
    {
        _process = process;
        _readerTask = Task.Run(ReadEventsAsync);
        _process.ErrorDataReceived += (_, e) => KeepStandardErrorLine(e.Data);
        _process.BeginErrorReadLine();
    }

    /// <summary>The kernel's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts the kernel in <paramref name="workingDirectory"/> and waits for its <c>KernelReady</c> event.
    /// </summary>
    /// <exception cref="TimeoutException">The kernel did not become ready within <paramref name="startTimeout"/>; it has been killed.</exception>
    public static async Task<KernelSession> StartAsync(string kernelEntryAssembly, string workingDirectory, TimeSpan startTimeout)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(kernelEntryAssembly);
        startInfo.ArgumentList.Add("stdio");
        startInfo.ArgumentList.Add("--working-dir");
        startInfo.ArgumentList.Add(workingDirectory);
        foreach ((string name, string value) in ChildProcess.QuietEnvironment)
        {
            startInfo.Environment[name] = value;
        }

        var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Failed to start 'dotnet {kernelEntryAssembly} stdio'.");
        var session = new KernelSession(process);

        using var timeout = new CancellationTokenSource(startTimeout);
        try
        {
            while (true)
            {
                JsonObject envelope = await session._events.Reader.ReadAsync(timeout.Token);
                if (EventType(envelope) == "KernelReady")
                {
                    return session;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            string reason = exception is OperationCanceledException
                ? $"did not report KernelReady within {startTimeout.TotalSeconds:F0} s"
                : "exited before reporting KernelReady";
            string tail = session.StandardErrorTail();
            await session.DisposeAsync();
            throw new TimeoutException($"The kernel {reason}. Its last standard error lines:{Environment.NewLine}{tail}");
        }
    }

    /// <summary>
    /// Submits <paramref name="code"/> to the C# kernel and collects the events of that submission
    /// (and of the sub-commands it starts, such as the sections of an imported .dib file).
    /// </summary>
    /// <remarks>
    /// On a timeout, or when the kernel exits, the kernel's process tree is killed and the session
    /// cannot run further cells.
    /// </remarks>
    public async Task<CellExecution> SubmitAsync(string code, int executionCount, TimeSpan timeout)
    {
        string token = $"batchtutorial-{++_nextToken}";
        var outputs = new CellOutputCollector(executionCount);
        var stopwatch = Stopwatch.StartNew();

        var envelope = new JsonObject
        {
            ["token"] = token,
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = "csharp" },
        };
        try
        {
            await _process.StandardInput.WriteLineAsync(envelope.ToJsonString());
            await _process.StandardInput.FlushAsync();
        }
        catch (IOException exception)
        {
            return CellExecution.KernelExited(outputs, stopwatch.Elapsed, $"Failed to send the cell to the kernel: {exception.Message}");
        }

        using var timeoutSource = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                JsonObject received = await _events.Reader.ReadAsync(timeoutSource.Token);
                string? eventToken = CommandToken(received);
                if (eventToken is null || !(eventToken == token || eventToken.StartsWith(token + ".", StringComparison.Ordinal)))
                {
                    continue;
                }

                outputs.Add(EventType(received), received["event"] as JsonObject, isRootCommand: eventToken == token);
                if (eventToken == token && EventType(received) is "CommandSucceeded" or "CommandFailed")
                {
                    return outputs.Finish(stopwatch.Elapsed);
                }
            }
        }
        catch (OperationCanceledException)
        {
            Kill();
            return CellExecution.TimedOut(outputs, stopwatch.Elapsed, timeout);
        }
        catch (ChannelClosedException)
        {
            Kill();
            return CellExecution.KernelExited(
                outputs, stopwatch.Elapsed, $"The kernel exited while running the cell. Its last standard error lines:{Environment.NewLine}{StandardErrorTail()}");
        }
    }

    /// <summary>
    /// Sends <c>Quit</c>, waits up to 10 s for the kernel to exit, then kills its process tree.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                var quit = new JsonObject { ["token"] = "batchtutorial-quit", ["commandType"] = "Quit", ["command"] = new JsonObject() };
                await _process.StandardInput.WriteLineAsync(quit.ToJsonString());
                await _process.StandardInput.FlushAsync();
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The kernel closed its input already; the kill below ends it.
            }

            using var grace = new CancellationTokenSource(QuitGracePeriod);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
            }
        }

        // Children the kernel started (for example a NuGet restore) must not outlive it.
        Kill();
        await _readerTask;
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // The process has already exited.
        }
    }

    private async Task ReadEventsAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                // The kernel prints a plain-text banner before its first envelope.
                if (!line.StartsWith('{'))
                {
                    continue;
                }

                JsonObject? envelope;
                try
                {
                    envelope = JsonNode.Parse(line) as JsonObject;
                }
                catch (JsonException)
                {
                    continue;
                }

                if (envelope is not null)
                {
                    _events.Writer.TryWrite(envelope);
                }
            }
        }
        catch (IOException)
        {
            // The pipe broke because the kernel was killed.
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    private void KeepStandardErrorLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_standardErrorTail)
        {
            _standardErrorTail.Enqueue(line);
            while (_standardErrorTail.Count > 20)
            {
                _standardErrorTail.Dequeue();
            }
        }
    }

    private string StandardErrorTail()
    {
        lock (_standardErrorTail)
        {
            return _standardErrorTail.Count == 0 ? "(none)" : string.Join(Environment.NewLine, _standardErrorTail);
        }
    }

    private static string? EventType(JsonObject envelope) => envelope["eventType"]?.GetValue<string>();

    private static string? CommandToken(JsonObject envelope) => envelope["command"]?["token"]?.GetValue<string>();
}
