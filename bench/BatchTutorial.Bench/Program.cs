using System.Globalization;
using BatchTutorial;
using BatchTutorial.Bench;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// The benchmark of one training epoch: see bench/README.md. Usage:
//   dotnet run -c Release --project bench/BatchTutorial.Bench -- [--quick] [--no-numpy] [--out FILE]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
bool quick = args.Contains("--quick");
bool runNumpy = !args.Contains("--no-numpy");
int outIndex = Array.IndexOf(args, "--out");
string outPath = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : Path.Combine("BenchmarkDotNet.Artifacts", "batchtutorial-results.md");

// --quick: one tenth of the rows and fewer iterations, for development; the full grid is the one RESULTS.md records.
BenchData.Shapes = quick ? [new(100_000, 10), new(10_000, 100)] : [new(1_000_000, 10), new(100_000, 100)];
DateTime started = DateTime.UtcNow;
Console.WriteLine($"BatchTutorial epoch benchmark, {(quick ? "quick" : "full")} run, started {started:yyyy-MM-dd HH:mm:ss} UTC");
Console.WriteLine(Machine.Describe());

string folder = Path.Combine(Path.GetTempPath(), $"batchtutorial-bench-{Environment.ProcessId}");
Directory.CreateDirectory(folder);
var files = new Dictionary<Shape, (string X, string Y)>();
foreach (Shape shape in BenchData.Shapes)
{
    files[shape] = NumpyPeer.WriteData(BenchData.Get(shape), shape, folder);
}

Job job = Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithLaunchCount(1)
    .WithWarmupCount(quick ? 1 : 3)
    .WithIterationCount(quick ? 3 : 7)
    .WithIterationTime(TimeInterval.FromMilliseconds(quick ? 100 : 250));
IConfig config = DefaultConfig.Instance
    .AddJob(job.AsDefault())
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithOptions(ConfigOptions.DisableLogFile);
Summary[] summaries = BenchmarkRunner.Run([typeof(BandwidthBenchmarks), typeof(EpochBenchmarks), typeof(MlNetBenchmarks)], config);

var results = new Results();
foreach (BenchmarkReport report in summaries.SelectMany(s => s.Reports))
{
    if (report.ResultStatistics is not { } statistics)
    {
        continue;
    }

    string peer = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
    string shape = (string)report.BenchmarkCase.Parameters["Shape"];
    string batch = report.BenchmarkCase.Parameters.Items.Any(p => p.Name == "Batch") ? (string)report.BenchmarkCase.Parameters["Batch"] : "1";
    long? allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
    results.Add(peer, shape, batch, new EpochTime(statistics.Median / 1e6, statistics.Min / 1e6, statistics.N, allocated));
}

var allocations = new List<AllocationRow>();
foreach (Shape shape in BenchData.Shapes)
{
    foreach (string batch in BenchData.BatchSizes)
    {
        allocations.Add(AllocationRow.Measure(shape, batch));
    }
}

var numpy = new Dictionary<(Shape, string), NumpyResult>();
if (runNumpy)
{
    foreach (Shape shape in BenchData.Shapes)
    {
        // A numpy epoch of B = 1 on a million rows takes about 11 s; the quick run skips B = 1.
        string[] batches = quick ? BenchData.BatchSizes.Where(b => b != "1").ToArray() : BenchData.BatchSizes;
        foreach (NumpyResult result in NumpyPeer.Run(files[shape].X, files[shape].Y, shape, batches, quick ? 0.3 : 1.0))
        {
            numpy[(shape, result.Batch)] = result;
            results.Add("numpy", shape.ToString(), result.Batch, new EpochTime(NumpyPeer.Median(result.Seconds) * 1e3, result.Seconds.Min() * 1e3, result.Seconds.Length, null));
        }
    }
}

List<CheckRow> checks = CheckRow.Compute(numpy);
Directory.Delete(folder, recursive: true);

string markdown = Report.Render(results, allocations, checks, started, DateTime.UtcNow, quick);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
File.WriteAllText(outPath, markdown);
Console.WriteLine();
Console.WriteLine(markdown);
Console.WriteLine($"Written to {Path.GetFullPath(outPath)}");
