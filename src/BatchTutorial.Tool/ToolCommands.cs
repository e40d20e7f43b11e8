using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BatchTutorial.Tool;

/// <summary>
/// The commands of the console tool, which a notebook starts as a child process so that each measurement of memory
/// gets a fresh process: writing synthetic row files, and training from one by streaming or by loading it first.
/// </summary>
/// <remarks>
/// stream and load-all print one JSON line with command, path, rows, columns, batch_size, epochs and these:
/// seconds (reading and training), rows_per_second (rows × epochs / seconds), peak_working_set_bytes with its source,
/// and final_loss. final_loss is the mean log loss of the trained model over the file, computed after the timing.
/// Exit codes: 0 success, 1 a bad or missing file, 2 a bad command line.
/// </remarks>
public static class ToolCommands
{
    /// <summary>The usage text printed by --help and after a command-line error.</summary>
    public const string Usage = """
        usage: BatchTutorial.Tool COMMAND [OPTIONS]

          write-csv    --rows N --columns D --seed S --path P
                       write N synthetic rows (D standard-normal features, then a 0/1 label from a fixed
                       logistic model) as CSV, one row per line
          write-binary --rows N --columns D --seed S --path P
                       the same rows in the binary row format (give P the extension .rows)
          stream       --path P --columns D --batch-size B [--epochs E] [--learning-rate LR] [--threads T]
                       train by reading the file in blocks of whole batches (memory flat in file size)
          load-all     --path P --columns D --batch-size B [--epochs E] [--learning-rate LR] [--threads T]
                       load every row into memory first, then train (the comparison for stream)

        Defaults: --epochs 1, --learning-rate 0.1, --threads 0 (one per processor for large batches).
        stream and load-all print one JSON line with rows, seconds, rows_per_second,
        peak_working_set_bytes and final_loss. A path ending in .rows is read as binary rows, any other as CSV.
        """;

    /// <summary>Runs the command in <paramref name="args"/>, writing its result to <paramref name="output"/>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            output.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            var options = ToolOptions.Parse(args.AsSpan(1));
            string json = args[0] switch
            {
                "write-csv" => Write(args[0], options, binary: false),
                "write-binary" => Write(args[0], options, binary: true),
                "stream" => Stream(options),
                "load-all" => LoadAll(options),
                _ => throw new ToolUsageException($"unknown command '{args[0]}'; expected write-csv, write-binary, stream or load-all."),
            };
            output.WriteLine(json);
            return 0;
        }
        catch (ToolUsageException problem)
        {
            error.WriteLine($"error: {problem.Message}");
            error.WriteLine(Usage);
            return 2;
        }
        catch (Exception problem) when (problem is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            error.WriteLine($"error: {problem.Message}");
            return problem is ArgumentException ? 2 : 1;
        }
    }

    private static string Write(string command, ToolOptions options, bool binary)
    {
        string path = options.Text("path");
        long rows = options.Long("rows");
        int columns = options.Int("columns");
        long seed = options.Long("seed");
        long started = Stopwatch.GetTimestamp();
        var source = new SyntheticRows(columns, seed);
        long bytes = binary ? RowFile.WriteBinary(path, source, rows) : RowFile.WriteCsv(path, source, rows);
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return Json(writer =>
        {
            writer.WriteString("command", command);
            writer.WriteString("path", path);
            writer.WriteNumber("rows", rows);
            writer.WriteNumber("columns", columns);
            writer.WriteNumber("seed", seed);
            writer.WriteNumber("bytes", bytes);
            writer.WriteNumber("seconds", seconds);
        });
    }

    private static string Stream(ToolOptions options)
    {
        string path = options.Text("path");
        int columns = options.Int("columns");
        TrainerOptions trainer = TrainerSettings(options);

        long started = Stopwatch.GetTimestamp();
        TrainingHistory history = Trainer.TrainFromFile(path, columns, trainer);
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        (double loss, _, long rows) = StreamingTrainer.Evaluate(path, columns, history.Model);
        return TrainingJson("stream", path, rows, columns, trainer, seconds, loadSeconds: null, loss);
    }

    private static string LoadAll(ToolOptions options)
    {
        string path = options.Text("path");
        int columns = options.Int("columns");
        TrainerOptions trainer = TrainerSettings(options);

        long started = Stopwatch.GetTimestamp();
        Dataset data = RowFile.ReadAll(path, columns);
        double loadSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        TrainingHistory history = Trainer.Train(data, trainer);
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        return TrainingJson("load-all", path, data.Rows, columns, trainer, seconds, loadSeconds, history.Model.Loss(data));
    }

    private static TrainerOptions TrainerSettings(ToolOptions options) => new()
    {
        BatchSize = options.Int("batch-size"),
        Epochs = options.Int("epochs", 1),
        LearningRate = options.Double("learning-rate", 0.1),
        Threads = options.Int("threads", 0),
        RecordUpdates = false,
        RecordEpochMetrics = false,
    };

    private static string TrainingJson(string command, string path, long rows, int columns, TrainerOptions trainer, double seconds, double? loadSeconds, double loss)
    {
        (long peak, string source) = PeakWorkingSet.Read();
        return Json(writer =>
        {
            writer.WriteString("command", command);
            writer.WriteString("path", path);
            writer.WriteNumber("rows", rows);
            writer.WriteNumber("columns", columns);
            writer.WriteNumber("batch_size", trainer.BatchSize);
            writer.WriteNumber("epochs", trainer.Epochs);
            writer.WriteNumber("seconds", seconds);
            if (loadSeconds is { } load)
            {
                writer.WriteNumber("load_seconds", load);
            }

            writer.WriteNumber("rows_per_second", rows * (double)trainer.Epochs / seconds);
            writer.WriteNumber("peak_working_set_bytes", peak);
            writer.WriteString("peak_working_set_source", source);
            writer.WriteNumber("final_loss", loss);
        });
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>A command-line mistake; the message names the option and the expected value.</summary>
public sealed class ToolUsageException(string message) : Exception(message);

/// <summary>The "--name value" pairs of a command line.</summary>
internal sealed class ToolOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static ToolOptions Parse(ReadOnlySpan<string> args)
    {
        var options = new ToolOptions();
        for (int i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length == 2)
            {
                throw new ToolUsageException($"expected an option such as --path, but found '{args[i]}'.");
            }

            if (i + 1 >= args.Length)
            {
                throw new ToolUsageException($"option {args[i]} is missing its value.");
            }

            options._values[args[i][2..]] = args[i + 1];
        }

        return options;
    }

    public string Text(string name) =>
        _values.TryGetValue(name, out string? value) ? value : throw new ToolUsageException($"option --{name} is required.");

    public int Int(string name, int? fallback = null) =>
        Parse(name, fallback, (string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value), "a whole number");

    public long Long(string name) =>
        Parse<long>(name, null, (string text, out long value) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value), "a whole number");

    public double Double(string name, double fallback) =>
        Parse<double>(name, fallback, (string text, out double value) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value), "a number");

    private delegate bool TryParser<T>(string text, out T value);

    private T Parse<T>(string name, T? fallback, TryParser<T> tryParse, string expected)
        where T : struct
    {
        if (!_values.TryGetValue(name, out string? text))
        {
            return fallback ?? throw new ToolUsageException($"option --{name} is required.");
        }

        return tryParse(text, out T value) ? value : throw new ToolUsageException($"option --{name} must be {expected}, but was '{text}'.");
    }
}

/// <summary>The process's peak resident memory.</summary>
internal static class PeakWorkingSet
{
    /// <summary>
    /// Returns the peak resident set size in bytes: VmHWM from /proc/self/status where it exists (Linux), else
    /// <see cref="Process.PeakWorkingSet64"/>; and the name of the source used.
    /// </summary>
    public static (long Bytes, string Source) Read()
    {
        const string StatusPath = "/proc/self/status";
        if (File.Exists(StatusPath))
        {
            foreach (string line in File.ReadLines(StatusPath))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return (long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024, "VmHWM");
                }
            }
        }

        using Process self = Process.GetCurrentProcess();
        return (self.PeakWorkingSet64, "PeakWorkingSet64");
    }
}
