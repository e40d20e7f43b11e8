using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using BatchTutorial;
using MathNet.Numerics.LinearAlgebra;

namespace BatchTutorial.Bench;

/// <summary>One benchmark cell: times in milliseconds per epoch.</summary>
public sealed record EpochTime(double MedianMs, double MinMs, int Runs, long? AllocatedBytes);

/// <summary>The measurements of the run, by peer, shape and batch size.</summary>
public sealed class Results
{
    private readonly Dictionary<(string Peer, string Shape, string Batch), EpochTime> _cells = [];

    /// <summary>Stores one cell.</summary>
    public void Add(string peer, string shape, string batch, EpochTime measurement) => _cells[(peer, shape, batch)] = measurement;

    /// <summary>Returns a cell, or null when that peer did not run it.</summary>
    public EpochTime? Get(string peer, Shape shape, string batch) =>
        _cells.TryGetValue((peer, shape.ToString(), batch), out EpochTime? value) ? value : null;

    /// <summary>Returns the epoch lower bound of a shape: X's bytes read at the better of the two measured bandwidths.</summary>
    public double? BoundMs(Shape shape)
    {
        double?[] times = [Get("sum of X, 1 thread", shape, "1")?.MedianMs, Get("sum of X, 2 threads", shape, "1")?.MedianMs];
        return times.Where(t => t.HasValue).Min();
    }
}

/// <summary>The bytes one library epoch allocates, on the training thread and in the whole process.</summary>
public sealed record AllocationRow(Shape Shape, string Batch, double SequentialThread, double SequentialTotal, double ShuffledThread, double ShuffledTotal)
{
    private const int Epochs = 10;

    /// <summary>Measures the allocations of ten bare epochs after two untimed ones, sequential and shuffled.</summary>
    public static AllocationRow Measure(Shape shape, string batch)
    {
        (double sequentialThread, double sequentialTotal) = MeasureOne(shape, batch, shuffle: false);
        (double shuffledThread, double shuffledTotal) = MeasureOne(shape, batch, shuffle: true);
        return new AllocationRow(shape, batch, sequentialThread, sequentialTotal, shuffledThread, shuffledTotal);
    }

    private static (double Thread, double Total) MeasureOne(Shape shape, string batch, bool shuffle)
    {
        TrainingSession session = Trainer.Start(BenchData.Get(shape), new TrainerOptions
        {
            BatchSize = BenchData.BatchSize(batch, shape),
            Epochs = Epochs + 2,
            Shuffle = shuffle,
            Seed = BenchData.Seed,
            RecordUpdates = false,
            RecordEpochMetrics = false,
        });
        session.RunEpoch();
        session.RunEpoch();
        long threadBefore = GC.GetAllocatedBytesForCurrentThread();
        long totalBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (int e = 0; e < Epochs; e++)
        {
            session.RunEpoch();
        }

        long totalAfter = GC.GetTotalAllocatedBytes(precise: true);
        long threadAfter = GC.GetAllocatedBytesForCurrentThread();
        return ((threadAfter - threadBefore) / (double)Epochs, (totalAfter - totalBefore) / (double)Epochs);
    }
}

/// <summary>How far a float64 peer's weights after one epoch from W = 0, b = 0 are from the library's.</summary>
public sealed record CheckRow(Shape Shape, string Batch, double PlainLoopDifference, double MathNetDifference, double? NumpyDifference)
{
    /// <summary>Runs one epoch of each in-process peer and compares it and numpy's first epoch with the library's.</summary>
    public static List<CheckRow> Compute(IReadOnlyDictionary<(Shape, string), NumpyResult> numpy)
    {
        var rows = new List<CheckRow>();
        foreach (Shape shape in BenchData.Shapes)
        {
            Dataset data = BenchData.Get(shape);
            Matrix<double> matrix = Textbook.ToMatrix(data);
            global::MathNet.Numerics.LinearAlgebra.Vector<double> labels = Textbook.LabelVector(data);
            foreach (string batch in BenchData.BatchSizes)
            {
                int batchSize = BenchData.BatchSize(batch, shape);
                TrainingHistory library = Trainer.Train(data, new TrainerOptions { BatchSize = batchSize, Epochs = 1, LearningRate = BenchData.LearningRate, RecordUpdates = false, RecordEpochMetrics = false });
                double[] expected = [.. library.Model.Weights, library.Model.Bias];

                var plainW = new double[shape.Columns];
                double plainB = 0;
                BatchTutorial.Bench.PlainLoop.Epoch(data.XMemory.ToArray(), data.YMemory.ToArray(), shape.Columns, batchSize, BenchData.LearningRate, plainW, ref plainB, new double[Math.Min(batchSize, shape.Rows)], new double[shape.Columns]);
                (global::MathNet.Numerics.LinearAlgebra.Vector<double> textbookW, double textbookB) = Textbook.Epoch(matrix, labels, global::MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(shape.Columns), 0, BenchData.LearningRate, batchSize);
                double? numpyDifference = numpy.TryGetValue((shape, batch), out NumpyResult? result) ? Difference(expected, [.. result.FirstEpochWeights, result.FirstEpochBias]) : null;
                rows.Add(new CheckRow(shape, batch, Difference(expected, [.. plainW, plainB]), Difference(expected, [.. textbookW.ToArray(), textbookB]), numpyDifference));
            }
        }

        return rows;
    }

    /// <summary>Returns max |a − b| / max(|a|, 1) over the weights and the bias.</summary>
    private static double Difference(double[] expected, double[] actual)
    {
        double worst = 0;
        for (int j = 0; j < expected.Length; j++)
        {
            worst = Math.Max(worst, Math.Abs(expected[j] - actual[j]) / Math.Max(Math.Abs(expected[j]), 1));
        }

        return worst;
    }
}

/// <summary>The machine and software the run measured.</summary>
public static class Machine
{
    /// <summary>Returns a few lines naming the processor, the memory, the OS and the runtime.</summary>
    public static string Describe()
    {
        string cpu = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        string memory = ReadField("/proc/meminfo", "MemTotal") ?? "unknown";
        string load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        return $"- machine: nproc {Environment.ProcessorCount}, CPU (/proc/cpuinfo model name) {cpu}, memory {memory}\n"
            + $"- OS {RuntimeInformation.OSDescription}; .NET {Environment.Version}; Vector256 accelerated: {Vector256.IsHardwareAccelerated}, Vector512: {Vector512.IsHardwareAccelerated}\n"
            + $"- packages: BenchmarkDotNet {Version(typeof(BenchmarkDotNet.Running.BenchmarkRunner))}, MathNet.Numerics {Version(typeof(Matrix<double>))}, Microsoft.ML {Version(typeof(Microsoft.ML.MLContext))}, System.Numerics.Tensors {Version(typeof(System.Numerics.Tensors.TensorPrimitives))}\n"
            + $"- load average (1, 5, 15 min) at this point: {load}";
    }

    // The informational version is the package's version (Microsoft.ML's assembly version is 1.0.0.0); the part
    // after '+' is a commit id.
    private static string Version(Type type) =>
        type.Assembly.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? type.Assembly.GetName().Version?.ToString()
        ?? "unknown";

    private static string? ReadField(string path, string field)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        string? line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line?[(line.IndexOf(':') + 1)..].Trim();
    }
}

/// <summary>Renders the run as markdown tables.</summary>
public static class Report
{
    private static readonly (string Peer, string Label, string Threads)[] Peers =
    [
        ("library", "library (BatchTutorial.Trainer), rows in order", "1–2"),
        ("library shuffled", "library, shuffled (new permutation each epoch, included)", "1–2"),
        ("plain loop", "plain C# scalar loop (bench/PlainLoop.cs)", "1"),
        ("MathNet textbook", "MathNet.Numerics per batch (Textbook.Epoch)", "1"),
        ("ML.NET SgdCalibrated", "ML.NET SgdCalibrated, float32 (B = 1 only)", "1"),
        ("numpy", "numpy tutorial loop (bench/numpy_peer.py)", "1"),
    ];

    private const string GatherOneThread = "sum of X and y, rows in random order";
    private const string GatherTwoThreads = "sum of X and y, rows in random order, 2 threads";
    private const string PermutationDraw = "permutation of N rows";

    /// <summary>Returns the report: per shape, the times and bounds, then allocations, the update check and the targets.</summary>
    public static string Render(Results results, IReadOnlyList<AllocationRow> allocations, IReadOnlyList<CheckRow> checks, DateTime started, DateTime finished, bool quick)
    {
        var text = new StringBuilder();
        text.AppendLine($"Run {started:yyyy-MM-dd HH:mm} UTC, {(finished - started).TotalSeconds:F0} s, {(quick ? "quick (--quick: a tenth of the rows, 3 iterations)" : "full")}.");
        text.AppendLine();
        text.AppendLine(Machine.Describe());
        foreach (Shape shape in BenchData.Shapes)
        {
            double? bound = results.BoundMs(shape);
            text.AppendLine();
            text.AppendLine($"### N = {shape.Rows:N0}, D = {shape.Columns}: median ms per epoch (× bound)");
            text.AppendLine();
            text.AppendLine($"Streaming bound: X is {shape.FeatureBytes / 1e6:F0} MB; sum of X {Cell(results.Get("sum of X, 1 thread", shape, "1"), bound)} on 1 thread, "
                + $"{Cell(results.Get("sum of X, 2 threads", shape, "1"), bound)} on 2 threads; bound = {bound:F2} ms "
                + $"({(bound is { } b ? shape.FeatureBytes / (b * 1e6) : double.NaN):F1} GB/s).");
            text.AppendLine($"Gather floor of a shuffled epoch (the sum of X and y, rows in a random order): {Cell(results.Get(GatherOneThread, shape, "1"), bound)} on 1 thread, "
                + $"{Cell(results.Get(GatherTwoThreads, shape, "1"), bound)} on 2 threads; drawing the permutation of the N rows: {Cell(results.Get(PermutationDraw, shape, "1"), bound)}.");
            text.AppendLine();
            text.AppendLine("| peer | threads | B=1 | B=32 | B=1024 | B=N |");
            text.AppendLine("|---|---|---:|---:|---:|---:|");
            foreach ((string peer, string label, string threads) in Peers)
            {
                text.Append($"| {label} | {threads} |");
                foreach (string batch in BenchData.BatchSizes)
                {
                    text.Append($" {Cell(results.Get(peer, shape, batch), bound)} |");
                }

                text.AppendLine();
            }
        }

        text.AppendLine();
        text.AppendLine("### Bytes allocated per library epoch (bare epochs, mean of 10)");
        text.AppendLine();
        text.AppendLine("| shape | B | in order: training thread | in order: whole process | shuffled: training thread | shuffled: whole process |");
        text.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (AllocationRow row in allocations)
        {
            text.AppendLine($"| {row.Shape} | {row.Batch} | {row.SequentialThread:F0} | {row.SequentialTotal:F0} | {row.ShuffledThread:F0} | {row.ShuffledTotal:F0} |");
        }

        text.AppendLine();
        text.AppendLine("### Same update? max |Δ| / max(|w|, 1) over W and b after one epoch from 0, against the library");
        text.AppendLine();
        text.AppendLine("| shape | B | plain loop | MathNet textbook | numpy |");
        text.AppendLine("|---|---|---:|---:|---:|");
        foreach (CheckRow row in checks)
        {
            text.AppendLine($"| {row.Shape} | {row.Batch} | {row.PlainLoopDifference:E1} | {row.MathNetDifference:E1} | {(row.NumpyDifference is { } n ? n.ToString("E1") : "–")} |");
        }

        text.AppendLine();
        text.AppendLine("### Targets");
        text.AppendLine();
        text.AppendLine("The last two columns divide floors by the in-order epoch. The gather floor is the sum of X and y with the rows in a");
        text.AppendLine("random order on two threads (reading what a shuffled epoch reads, and nothing else); the second adds drawing the");
        text.AppendLine("permutation on one thread, which overlaps the gathering only while a core waits on memory. Where the gather floor");
        text.AppendLine("exceeds the shuffled target, no epoch that gathers rows through a permutation can meet it on this machine. A full");
        text.AppendLine("batch (B = N) reads its rows in order, so no floor applies.");
        text.AppendLine();
        text.AppendLine("| shape | B | in order × bound (target) | shuffled ÷ in order (target) | gather floor ÷ in order | with the permutation |");
        text.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (Shape shape in BenchData.Shapes)
        {
            double? bound = results.BoundMs(shape);
            double? gatherFloor = results.Get(GatherTwoThreads, shape, "1")?.MedianMs;
            double? permutation = results.Get(PermutationDraw, shape, "1")?.MedianMs;
            foreach (string batch in BenchData.BatchSizes)
            {
                double? sequential = results.Get("library", shape, batch)?.MedianMs;
                double? shuffled = results.Get("library shuffled", shape, batch)?.MedianMs;
                // Targets: 2× the bound for B ≥ 32; for online learning (B = 1) 3× at D = 100 and 8× at D = 10.
                double limit = 2;
                if (batch == "1")
                {
                    limit = shape.Columns >= 100 ? 3 : 8;
                }

                string ratioCell = "–";
                string floorCell = "–";
                string drawCell = "–";
                if (batch != "1" && sequential is { } s && shuffled is { } sh)
                {
                    double ratioLimit = shape.Columns >= 100 ? 1.5 : 3;
                    ratioCell = $"{sh / s:F2} (≤ {ratioLimit}) {(sh / s <= ratioLimit ? "met" : "NOT met")}";
                    if (batch != "N" && gatherFloor is { } floor)
                    {
                        floorCell = $"{floor / s:F2}{(floor / s > ratioLimit ? " (above the target)" : "")}";
                        if (permutation is { } draw)
                        {
                            drawCell = $"{(floor + draw) / s:F2}{((floor + draw) / s > ratioLimit ? " (above the target)" : "")}";
                        }
                    }
                }

                string boundCell = sequential is { } seq && bound is { } bd ? $"{seq / bd:F2} (≤ {limit}) {(seq / bd <= limit ? "met" : "NOT met")}" : "–";
                text.AppendLine($"| {shape} | {batch} | {boundCell} | {ratioCell} | {floorCell} | {drawCell} |");
            }
        }

        return text.ToString();
    }

    private static string Cell(EpochTime? measurement, double? bound)
    {
        if (measurement is null)
        {
            return "–";
        }

        string time = measurement.MedianMs >= 100 ? $"{measurement.MedianMs:N0} ms" : $"{measurement.MedianMs:G3} ms";
        return bound is { } b ? $"{time} (×{measurement.MedianMs / b:G3})" : time;
    }
}
