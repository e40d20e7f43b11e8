using System.Diagnostics;
using System.Text.Json;
using BatchTutorial.Tool;

namespace BatchTutorial.Tests;

[Collection(CultureCollection.Name)]
public sealed class ToolTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"batchtutorial-tool-{Guid.NewGuid():N}");

    public ToolTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("write-csv", "data.csv")]
    [InlineData("write-binary", "data.rows")]
    public void Stream_and_load_all_report_the_same_training(string writeCommand, string fileName)
    {
        string path = Path.Combine(_folder, fileName);
        JsonElement written = RunInProcess(writeCommand, "--rows", "3000", "--columns", "4", "--seed", "7", "--path", path);

        JsonElement streamed = RunInProcess("stream", "--path", path, "--columns", "4", "--batch-size", "16", "--epochs", "2");
        JsonElement loaded = RunInProcess("load-all", "--path", path, "--columns", "4", "--batch-size", "16", "--epochs", "2");

        Assert.Equal(3000, written.GetProperty("rows").GetInt64());
        Assert.Equal(new FileInfo(path).Length, written.GetProperty("bytes").GetInt64());
        foreach ((JsonElement result, string command) in new[] { (streamed, "stream"), (loaded, "load-all") })
        {
            Assert.Equal(command, result.GetProperty("command").GetString());
            Assert.Equal(path, result.GetProperty("path").GetString());
            Assert.Equal(3000, result.GetProperty("rows").GetInt64());
            Assert.Equal(4, result.GetProperty("columns").GetInt32());
            Assert.Equal(16, result.GetProperty("batch_size").GetInt32());
            Assert.Equal(2, result.GetProperty("epochs").GetInt32());
            Assert.True(result.GetProperty("seconds").GetDouble() > 0);
            Assert.True(result.GetProperty("rows_per_second").GetDouble() > 0);
            Assert.True(result.GetProperty("peak_working_set_bytes").GetInt64() > 0);
            Assert.NotEmpty(result.GetProperty("peak_working_set_source").GetString()!);
        }

        Assert.True(loaded.GetProperty("load_seconds").GetDouble() > 0);
        Assert.False(streamed.TryGetProperty("load_seconds", out _));

        // Both train the same rows in the same order, so they end at the same model and loss.
        double expectedLoss = Trainer.Train(Datasets.Synthetic(3000, 4, seed: 7), new TrainerOptions { BatchSize = 16, Epochs = 2 }).Epochs[^1].TrainLoss;
        Assert.Equal(expectedLoss, streamed.GetProperty("final_loss").GetDouble(), 1e-12);
        Assert.Equal(expectedLoss, loaded.GetProperty("final_loss").GetDouble(), 1e-12);
    }

    [Fact]
    public void Stream_runs_as_a_child_process()
    {
        // The notebook's use: a fresh process per measurement, one JSON line on standard output.
        string path = Path.Combine(_folder, "child.rows");
        RunInProcess("write-binary", "--rows", "1000", "--columns", "3", "--seed", "1", "--path", path);
        string tool = Path.Combine(AppContext.BaseDirectory, "BatchTutorial.Tool.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { tool, "stream", "--path", path, "--columns", "3", "--batch-size", "1" })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "the tool did not finish within 60 s");

        Assert.True(process.ExitCode == 0, errors);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(1000, json.RootElement.GetProperty("rows").GetInt64());
        Assert.Equal("stream", json.RootElement.GetProperty("command").GetString());
        Assert.True(json.RootElement.GetProperty("peak_working_set_bytes").GetInt64() > 1_000_000);
    }

    [Theory]
    [InlineData(2, "frobnicate")]
    [InlineData(2, "stream", "--columns", "3", "--batch-size", "4")]
    [InlineData(2, "stream", "--path", "x.csv", "--columns", "three", "--batch-size", "4")]
    [InlineData(2, "stream", "--path")]
    [InlineData(2, "stream", "--path", "x.csv", "--columns", "3", "--batch-size", "0")]
    public void Command_line_mistakes_exit_with_2(int exitCode, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int code = ToolCommands.Run(args, output, error);

        Assert.Equal(exitCode, code);
        Assert.StartsWith("error: ", error.ToString());
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void Bad_file_exits_with_1_naming_it()
    {
        string path = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(path, "1,2,0\n1,2\n");
        var error = new StringWriter();

        int code = ToolCommands.Run(["stream", "--path", path, "--columns", "2", "--batch-size", "1"], new StringWriter(), error);

        Assert.Equal(1, code);
        Assert.Contains(path, error.ToString());
        Assert.Contains("2", error.ToString());
    }

    private static JsonElement RunInProcess(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int code = ToolCommands.Run(args, output, error);

        Assert.True(code == 0, error.ToString());
        using JsonDocument json = JsonDocument.Parse(output.ToString());
        return json.RootElement.Clone();
    }
}
