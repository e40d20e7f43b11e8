// Generated from 06-merits-measured.ipynb by `dotnet run --project src/BatchTutorial.Runner -- apps`.
// A .NET 10 file-based app that runs the notebook's code cells in order.
// Do not edit it by hand: the next generation overwrites it, and a test fails while it differs from the notebook.
// Run it from the repository root: dotnet run notebooks/en/06-merits-measured.cs
// Charts are saved as HTML files in notebooks/en/output/ and need no network.
#:project ../../src/BatchTutorial.Plots/BatchTutorial.Plots.csproj
#:package Plotly.NET.CSharp
#:package MathNet.Numerics
#:property PublishAot=false
#:property ImplicitUsings=disable

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using BatchTutorial;
using BatchTutorial.Plots;
using static BatchTutorial.Plots.Bilingual;
using System.Diagnostics;
using System.Runtime.Intrinsics;
using System.Globalization;
using System.IO;
using System.Text.Json;

// ---- cell 1: in the notebook `#!import ../setup.dib` ----
// Like the kernel, run in the notebook's folder and in the notebook's language (UI culture en-US).
string appDirectory = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Environment.CurrentDirectory;
Environment.CurrentDirectory = appDirectory;
Console.OutputEncoding = Encoding.UTF8;
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
var appDisplay = new AppDisplay(System.IO.Path.Combine(appDirectory, "output"), "06");

// ---- cell 2 ----
Console.WriteLine(Pick($"論理コア数 (Environment.ProcessorCount): {Environment.ProcessorCount}", $"logical cores (Environment.ProcessorCount): {Environment.ProcessorCount}"));
Console.WriteLine(Pick($"256 ビットのベクトル命令: {(Vector256.IsHardwareAccelerated ? "使える" : "使えない")}", $"256-bit vector instructions: {(Vector256.IsHardwareAccelerated ? "available" : "not available")}"));

// ---- cell 3 ----
Dataset syntheticData = Datasets.Synthetic(20_000, 32, seed: 42);
var loopModel = new LogisticRegression(syntheticData.Columns);
Baselines.PerSampleLoopEpoch(syntheticData, loopModel, 16, 0.1);
var sameUpdateOptions = new TrainerOptions { BatchSize = 16, Epochs = 1, LearningRate = 0.1, RecordUpdates = false, RecordEpochMetrics = false };
LogisticRegression trainerModel = Trainer.Train(syntheticData, sameUpdateOptions).Model;
double largestDifference = loopModel.Weights.Zip(trainerModel.Weights, (a, b) => Math.Abs(a - b)).Append(Math.Abs(loopModel.Bias - trainerModel.Bias)).Max();
Console.WriteLine(Pick($"1 エポック後の W と b の差の最大値: {largestDifference:G3}", $"largest difference in W and b after one epoch: {largestDifference:G3}"));

// ---- cell 4 ----
int[] speedSizes = [1, 16, 256, syntheticData.Rows];
int timedEpochs = 15;
double[] loopMs = new double[speedSizes.Length];
double[] oneThreadMs = new double[speedSizes.Length];
double[] allCoresMs = new double[speedSizes.Length];

// Fastest of the timed epochs of the scalar per-sample loop, in milliseconds.
double LoopEpochMs(int batchSize)
{
    var model = new LogisticRegression(syntheticData.Columns);
    Baselines.PerSampleLoopEpoch(syntheticData, model, batchSize, 0.1);
    var times = new List<double>();
    for (int r = 0; r < timedEpochs; r++)
    {
        long started = Stopwatch.GetTimestamp();
        Baselines.PerSampleLoopEpoch(syntheticData, model, batchSize, 0.1);
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    return times.Min();
}

// Fastest of the timed bare Trainer epochs (no records, no metrics), in milliseconds.
double TrainerEpochMs(int batchSize, int threads)
{
    var options = new TrainerOptions { BatchSize = batchSize, Epochs = timedEpochs, LearningRate = 0.1, Threads = threads, RecordUpdates = false, RecordEpochMetrics = false };
    Trainer.Train(syntheticData, options with { Epochs = 1 });
    return Trainer.Train(syntheticData, options).Epochs.Min(epoch => epoch.Seconds * 1000);
}

var speedTable = new TextTable(
    Pick("バッチサイズ B", "batch size B"),
    Pick("1 エポックの更新回数", "updates per epoch"),
    Pick("1 件ずつのループ（ミリ秒）", "per-sample loop (ms)"),
    Pick("Trainer 1 スレッド（ミリ秒）", "Trainer, 1 thread (ms)"),
    Pick($"Trainer {Environment.ProcessorCount} コア（ミリ秒）", $"Trainer, {Environment.ProcessorCount} cores (ms)"),
    Pick("速度比 1 スレッド（倍）", "speed-up, 1 thread (×)"),
    Pick($"速度比 {Environment.ProcessorCount} コア（倍）", $"speed-up, {Environment.ProcessorCount} cores (×)"));
for (int k = 0; k < speedSizes.Length; k++)
{
    loopMs[k] = LoopEpochMs(speedSizes[k]);
    oneThreadMs[k] = TrainerEpochMs(speedSizes[k], threads: 1);
    allCoresMs[k] = TrainerEpochMs(speedSizes[k], threads: 0);
    speedTable.Add(speedSizes[k], BatchPlan.CountBatches(syntheticData.Rows, speedSizes[k]), loopMs[k], oneThreadMs[k], allCoresMs[k],
        Math.Round(loopMs[k] / oneThreadMs[k], 1), Math.Round(loopMs[k] / allCoresMs[k], 1));
}

display(speedTable);
Console.WriteLine(Pick(
    $"1 件ずつのループのオンライン学習（B = 1）に対する、Trainer のバッチ学習（B = N、1 スレッド）の速度比: {loopMs[0] / oneThreadMs[^1]:F1} 倍",
    $"speed-up of Trainer's full batch (B = N, 1 thread) over the per-sample loop's online learning (B = 1): {loopMs[0] / oneThreadMs[^1]:F1}×"));

// ---- cell 5 ----
string[] speedCategories = speedSizes.Select(b => $"B = {b:N0}").ToArray();
display(Charts.BarChart(
    [
        new BarSeries(Pick("Trainer 1 スレッド", "Trainer, 1 thread"), speedCategories, speedSizes.Select((_, k) => loopMs[k] / oneThreadMs[k]).ToArray()),
        new BarSeries(Pick($"Trainer {Environment.ProcessorCount} コア", $"Trainer, {Environment.ProcessorCount} cores"), speedCategories, speedSizes.Select((_, k) => loopMs[k] / allCoresMs[k]).ToArray()),
    ],
    Pick("1 件ずつのループに対する速度比", "Speed-up over the per-sample loop"),
    ChartText.Get(ChartText.BatchSize),
    Pick("速度比（倍、ループの時間 ÷ Trainer の時間）", "speed-up (×, loop time ÷ Trainer time)")));

// ---- cell 6 ----
Console.WriteLine(Pick($"このカーネルのワーキングセット: {Environment.WorkingSet / 1e6:F0} MB", $"working set of this kernel: {Environment.WorkingSet / 1e6:F0} MB"));

// ---- cell 7 ----
string toolPath = Path.GetFullPath("../../src/BatchTutorial.Tool/bin/Release/net10.0/BatchTutorial.Tool.dll");
if (!File.Exists(toolPath))
{
    throw new FileNotFoundException(Pick(
        "BatchTutorial.Tool がビルドされていません。リポジトリのルートで `dotnet build BatchTutorial.sln -c Release` を実行してください。",
        "BatchTutorial.Tool is not built. Run `dotnet build BatchTutorial.sln -c Release` in the repository root."), toolPath);
}

// The kernel runs under the dotnet host; a file-based app does not, and then "dotnet" is looked up on PATH.
string dotnetHost = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

// Starts the tool in a child process and returns the JSON line it prints; throws with its error output when it fails.
JsonElement RunTool(params string[] arguments)
{
    var start = new ProcessStartInfo(dotnetHost) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    start.ArgumentList.Add(toolPath);
    foreach (string argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    using Process child = Process.Start(start)!;
    Task<string> errorText = child.StandardError.ReadToEndAsync();
    string outputText = child.StandardOutput.ReadToEnd();
    child.WaitForExit();
    if (child.ExitCode != 0)
    {
        throw new InvalidOperationException($"'{dotnetHost} {string.Join(' ', start.ArgumentList)}' failed with exit code {child.ExitCode}: {errorText.Result}");
    }

    using JsonDocument document = JsonDocument.Parse(outputText.Trim().Split('\n')[^1]);
    return document.RootElement.Clone();
}

int fileColumns = 4;
int[] fileRows = [100_000, 1_000_000];
string[] fileModes = ["stream", "load-all"];
var memoryRuns = new List<(string Mode, int Rows, long FileBytes, double Seconds, double RowsPerSecond, long PeakBytes, double FinalLoss)>();
string tempFolder = Path.Combine(Path.GetTempPath(), "batchtutorial-06-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(tempFolder);
try
{
    foreach (int rowCount in fileRows)
    {
        string csvPath = Path.Combine(tempFolder, $"synthetic-{rowCount}.csv");
        RunTool("write-csv", "--rows", rowCount.ToString(CultureInfo.InvariantCulture), "--columns", fileColumns.ToString(CultureInfo.InvariantCulture), "--seed", "42", "--path", csvPath);
        long fileBytes = new FileInfo(csvPath).Length;
        foreach (string mode in fileModes)
        {
            JsonElement result = RunTool(mode, "--path", csvPath, "--columns", fileColumns.ToString(CultureInfo.InvariantCulture), "--batch-size", "64");
            memoryRuns.Add((mode, rowCount, fileBytes, result.GetProperty("seconds").GetDouble(), result.GetProperty("rows_per_second").GetDouble(),
                result.GetProperty("peak_working_set_bytes").GetInt64(), result.GetProperty("final_loss").GetDouble()));
        }

        File.Delete(csvPath);
    }
}
finally
{
    Directory.Delete(tempFolder, recursive: true);
}

Console.WriteLine(Pick($"{memoryRuns.Count} 回の学習を測り、一時フォルダを削除しました: {!Directory.Exists(tempFolder)}", $"measured {memoryRuns.Count} training runs; temporary folder deleted: {!Directory.Exists(tempFolder)}"));

// ---- cell 8 ----
string ModeName(string mode) => mode == "stream" ? Pick("ストリーミング（stream）", "streaming (stream)") : Pick("全件読み込み（load-all）", "load everything (load-all)");

var memoryTable = new TextTable(
    Pick("方法", "method"),
    Pick("行数", "rows"),
    Pick("ファイル（MB）", "file (MB)"),
    Pick("秒", "seconds"),
    Pick("1 秒あたりの行数", "rows per second"),
    Pick("ピークのワーキングセット（MB）", "peak working set (MB)"),
    Pick("学習後の損失", "loss after training"));
foreach (var memoryRun in memoryRuns)
{
    memoryTable.Add(ModeName(memoryRun.Mode), memoryRun.Rows, memoryRun.FileBytes / 1e6, memoryRun.Seconds, Math.Round(memoryRun.RowsPerSecond), memoryRun.PeakBytes / 1e6, memoryRun.FinalLoss);
}

display(memoryTable);

// Peak growth from the smaller to the larger file, in MB.
double PeakGrowthMb(string mode) =>
    (memoryRuns.Single(r => r.Mode == mode && r.Rows == fileRows[1]).PeakBytes - memoryRuns.Single(r => r.Mode == mode && r.Rows == fileRows[0]).PeakBytes) / 1e6;

foreach (string mode in fileModes)
{
    Console.WriteLine(Pick(
        $"{ModeName(mode)}: ピークの増加 = {PeakGrowthMb(mode).ToString("F1", CultureInfo.InvariantCulture)} MB（{fileRows[0]:N0} 行 → {fileRows[1]:N0} 行）",
        $"{ModeName(mode)}: peak growth = {PeakGrowthMb(mode).ToString("F1", CultureInfo.InvariantCulture)} MB ({fileRows[0]:N0} → {fileRows[1]:N0} rows)"));
}

// ---- cell 9 ----
string[] rowCategories = fileRows.Select(n => Pick($"{n:N0} 行", $"{n:N0} rows")).ToArray();
display(Charts.BarChart(
    fileModes.Select(mode => new BarSeries(ModeName(mode), rowCategories, fileRows.Select(n => memoryRuns.Single(r => r.Mode == mode && r.Rows == n).PeakBytes / 1e6).ToArray())),
    Pick("子プロセスのピークのワーキングセット（B = 64、1 エポック）", "Peak working set of the child process (B = 64, one epoch)"),
    Pick("ファイルの行数", "rows in the file"),
    Pick("ピークのワーキングセット（MB）", "peak working set (MB)")));

// ---- cell 10 ----
DataSplit cancerSplit = DataSplit.TrainTest(Datasets.BreastCancer(), 0.2, seed: 42, stratify: true);
Dataset cancerTrain = Standardizer.Fit(cancerSplit.Train).Transform(cancerSplit.Train);
int stabilityEpochs = 20;
int[] stabilitySizes = [1, 64, cancerTrain.Rows];
TrainingHistory[] stabilityRuns = stabilitySizes
    .Select(b => Trainer.Train(cancerTrain, new TrainerOptions { BatchSize = b, Epochs = stabilityEpochs, LearningRate = 0.1, Shuffle = true, Seed = 42, RecordTrajectory = true }))
    .ToArray();

double StandardDeviation(IReadOnlyList<double> values)
{
    double mean = values.Average();
    return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
}

var stabilityTable = new TextTable(
    ChartText.Get(ChartText.BatchSize),
    Pick("最後のエポックのバッチ数", "batches in the last epoch"),
    Pick("バッチ損失の標準偏差", "std of batch losses"),
    Pick("全体の損失の最小", "whole-data loss, min"),
    Pick("全体の損失の最大", "whole-data loss, max"),
    Pick($"{stabilityEpochs} エポック後の訓練損失", $"training loss after {stabilityEpochs} epochs"));
double[] batchLossSpread = new double[stabilityRuns.Length];
for (int k = 0; k < stabilityRuns.Length; k++)
{
    TrainingHistory run = stabilityRuns[k];
    double[] lastBatchLosses = run.Updates.Where(u => u.Epoch == stabilityEpochs).Select(u => u.BatchLoss).ToArray();
    long firstUpdate = run.Updates.First(u => u.Epoch == stabilityEpochs).Update;
    double[] wholeLosses = run.Trajectory.Where(s => s.Update >= firstUpdate).Select(s => new LogisticRegression(s.Weights, s.Bias).Loss(cancerTrain)).ToArray();
    batchLossSpread[k] = StandardDeviation(lastBatchLosses);
    stabilityTable.Add(run.Label, lastBatchLosses.Length, lastBatchLosses.Length > 1 ? batchLossSpread[k] : Pick("—（1 バッチ）", "— (1 batch)"),
        wholeLosses.Min(), wholeLosses.Max(), run.Epochs[^1].TrainLoss);
}

display(stabilityTable);

// ---- cell 11 ----
display(Charts.BatchLossPerUpdate(stabilityRuns, XAxisKind.Epochs));

// ---- cell 12 ----
double targetLoss = 0.08;
int[] targetSizes = [1, 32, cancerTrain.Rows];
var targetRuns = new List<TrainingHistory>();
var targetTable = new TextTable(
    ChartText.Get(ChartText.BatchSize),
    Pick("目標までのエポック数", "epochs to target"),
    Pick("目標までの更新回数", "updates to target"),
    Pick("目標までの時間（ミリ秒）", "time to target (ms)"),
    Pick("1 エポックの時間（ミリ秒）", "time per epoch (ms)"));
foreach (int batchSize in targetSizes)
{
    var options = new TrainerOptions { BatchSize = batchSize, Epochs = 300, LearningRate = 0.1, Shuffle = true, Seed = 42, Threads = 1 };
    Trainer.Train(cancerTrain, options);
    TrainingHistory fastest = Enumerable.Range(0, 3).Select(_ => Trainer.Train(cancerTrain, options)).MinBy(h => h.Epochs[^1].TotalSeconds)!;
    targetRuns.Add(fastest);
    EpochRecord reached = fastest.Epochs.First(e => e.TrainLoss < targetLoss);
    double msPerEpoch = fastest.Epochs[^1].TotalSeconds * 1000 / fastest.Epochs.Count;
    targetTable.Add(fastest.Label, reached.Epoch, reached.Updates, reached.TotalSeconds * 1000, msPerEpoch);
    Console.WriteLine(Pick(
        $"{fastest.Label}: 損失 < {targetLoss} に {reached.Epoch} エポック目（{reached.TotalSeconds * 1000:F2} ミリ秒）で到達",
        $"{fastest.Label}: loss < {targetLoss} reached at epoch {reached.Epoch} ({reached.TotalSeconds * 1000:F2} ms)"));
}

display(targetTable);

// ---- cell 13 ----
display(Charts.LossCurves(targetRuns, XAxisKind.Seconds, includeTest: false, logX: true));

// ---- display(...): what the notebook shows under a cell ----
// Charts are saved as HTML files in output/ and their paths printed. Tables and training histories are
// printed as text, and anything else as Console.WriteLine prints it.
void display(object? value, params string[] mimeTypes) => appDisplay.Show(value);
