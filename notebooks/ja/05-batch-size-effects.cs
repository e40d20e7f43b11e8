// Generated from 05-batch-size-effects.ipynb by `dotnet run --project src/BatchTutorial.Runner -- apps`.
// ノートブックのコードセルを順に実行する .NET 10 のファイルベースアプリです。
// 手で編集しないでください。次の生成で上書きされ、ノートブックと食い違っている間はテストが失敗します。
// 実行（リポジトリのルートで）: dotnet run notebooks/ja/05-batch-size-effects.cs
// グラフは notebooks/ja/output/ に HTML ファイルとして保存されます（ネットワーク不要）。
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

// ---- セル 1: ノートブックでは `#!import ../setup.dib` ----
// カーネルと同じく、ノートブックのフォルダーで、ノートブックの言語（UI カルチャ ja-JP）で実行します。
string appDirectory = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Environment.CurrentDirectory;
Environment.CurrentDirectory = appDirectory;
Console.OutputEncoding = Encoding.UTF8;
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("ja-JP");
System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("ja-JP");
var appDisplay = new AppDisplay(System.IO.Path.Combine(appDirectory, "output"), "05");

// ---- セル 2 ----
Dataset synthetic = Datasets.Dummy(100_000, 10, seed: 42);
int syntheticRows = synthetic.Rows;
int[] sweepSizes = { 1, 4, 16, 64, 256, syntheticRows };
int rounds = 7;

// A bare run: rows in order, no per-update records, no loss pass after each epoch.
TrainingHistory TrainBare(int batchSize, int epochs) => Trainer.Train(synthetic, new TrainerOptions
{
    BatchSize = batchSize, Epochs = epochs, LearningRate = 0.01, RecordUpdates = false, RecordEpochMetrics = false,
});

// Bytes allocated when the first B rows are copied out as a data set of their own (Dataset.Select copies them).
long BatchCopyBytes(int batchSize)
{
    int[] rows = Enumerable.Range(0, batchSize).ToArray();
    GC.KeepAlive(synthetic.Select(rows)); // 1 回目は JIT コンパイルの割り当ても数えてしまうので、2 回目を測る
    long before = GC.GetAllocatedBytesForCurrentThread();
    Dataset copy = synthetic.Select(rows);
    long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
    GC.KeepAlive(copy);
    return allocated;
}

double Median(IEnumerable<double> values)
{
    double[] sorted = values.Order().ToArray();
    int middle = sorted.Length / 2;
    return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

foreach (int batchSize in sweepSizes)
{
    TrainBare(batchSize, epochs: 3);
}

// measured[B][round]: the second epoch of a 2-epoch run; the first epoch moves W away from 0.
var measured = sweepSizes.ToDictionary(batchSize => batchSize, _ => new List<EpochRecord>());
for (int round = 0; round < rounds; round++)
{
    foreach (int batchSize in sweepSizes)
    {
        measured[batchSize].Add(TrainBare(batchSize, epochs: 2).Epochs[1]);
    }
}

var timings = sweepSizes.Select(batchSize => (
    BatchSize: batchSize,
    Updates: BatchPlan.CountBatches(syntheticRows, batchSize),
    Milliseconds: 1000 * Median(measured[batchSize].Select(epoch => epoch.Seconds)),
    Fastest: 1000 * measured[batchSize].Min(epoch => epoch.Seconds),
    RatioToFull: Median(Enumerable.Range(0, rounds).Select(r => measured[batchSize][r].Seconds / measured[syntheticRows][r].Seconds)),
    AllocatedBytes: measured[batchSize].Max(epoch => epoch.AllocatedBytes),
    CopyBytes: BatchCopyBytes(batchSize))).ToArray();

var timingTable = new TextTable(
    Pick("バッチサイズ B", "batch size B"),
    Pick("1 エポックの更新回数", "updates per epoch"),
    Pick("1 エポックの時間（ミリ秒、中央値）", "time per epoch (ms, median)"),
    Pick("最小値（ミリ秒）", "fastest (ms)"),
    Pick("B = N との時間の比", "time ratio to B = N"),
    Pick("1 回の更新の時間（マイクロ秒）", "time per update (µs)"),
    Pick("1 エポックで割り当てたメモリ量（バイト）", "bytes allocated per epoch"),
    Pick("バッチ 1 つをコピーした場合（バイト）", "bytes to copy one batch"));
foreach (var timing in timings)
{
    timingTable.Add(timing.BatchSize, timing.Updates, timing.Milliseconds, timing.Fastest, timing.RatioToFull, 1000 * timing.Milliseconds / timing.Updates, timing.AllocatedBytes, timing.CopyBytes);
}

display(timingTable);

// ---- セル 3 ----
double[] timedSizes = timings.Select(timing => (double)timing.BatchSize).ToArray();
display(Charts.LineChart(
    [
        new LineSeries(Pick("中央値", "median"), timedSizes, timings.Select(timing => timing.Milliseconds).ToArray()),
        new LineSeries(Pick("最小値", "fastest"), timedSizes, timings.Select(timing => timing.Fastest).ToArray()),
    ],
    Pick($"バッチサイズと 1 エポックの時間（{syntheticRows:N0} 行 × 10 列）", $"Time per epoch against batch size ({syntheticRows:N0} rows × 10 columns)"),
    ChartText.Get(ChartText.BatchSize),
    Pick("1 エポックの時間（ミリ秒）", "Time per epoch (ms)"),
    logX: true));

// ---- セル 4 ----
Dataset cancer = Datasets.BreastCancer();
DataSplit split = DataSplit.TrainTest(cancer, testFraction: 0.2, seed: 42, stratify: true);
Dataset train = Standardizer.Fit(split.Train).Transform(split.Train);
int n = train.Rows;
int d = train.Columns;

LogisticRegression atEpoch1 = Trainer.Train(train, new TrainerOptions { BatchSize = 32, Epochs = 1, LearningRate = 0.1, Shuffle = true, Seed = 42 }).Model;

int[] allRows = Enumerable.Range(0, n).ToArray();
double[] fullGradient = new double[d];
atEpoch1.Gradient(train, allRows, fullGradient, out double fullBiasGradient);

// ‖(dW, db) − (dW_full, db_full)‖²: how far one gradient (weights and bias together) lies from the full gradient.
double SquaredDistance(double[] dW, double db)
{
    double sum = (db - fullBiasGradient) * (db - fullBiasGradient);
    for (int j = 0; j < d; j++)
    {
        sum += (dW[j] - fullGradient[j]) * (dW[j] - fullGradient[j]);
    }

    return sum;
}

double[] rowGradient = new double[d];
double rowVariance = allRows.Average(i =>
{
    atEpoch1.Gradient(train, new[] { i }, rowGradient, out double rowBiasGradient);
    return SquaredDistance(rowGradient, rowBiasGradient);
});
double fullGradientSquared = fullGradient.Sum(g => g * g) + fullBiasGradient * fullBiasGradient;

Console.WriteLine(Pick(
    $"N = {n}、全データの勾配の大きさの二乗 ‖g‖² = {fullGradientSquared:F4}、1 行の勾配の散らばり σ² = {rowVariance:F4}",
    $"N = {n}, squared norm of the full gradient ‖g‖² = {fullGradientSquared:F4}, scatter of single-row gradients σ² = {rowVariance:F4}"));

// ---- セル 5 ----
int[] varianceSizes = { 1, 2, 4, 8, 16, 32, 64, 128, 256, n };
var random = new SeededRandom(42);
int[] pool = (int[])allRows.Clone();
double[] batchGradient = new double[d];

// At least 1000 batches and 100,000 rows per size; at B = N every draw is the whole data, so one draw is enough.
int BatchesFor(int batchSize) => batchSize == n ? 1 : Math.Max(1000, 100_000 / batchSize);

// Partial Fisher-Yates shuffle: afterwards the first B entries of pool are B distinct rows drawn at random.
Span<int> DrawBatch(int batchSize)
{
    for (int k = 0; k < batchSize; k++)
    {
        int j = k + random.NextInt(n - k);
        (pool[k], pool[j]) = (pool[j], pool[k]);
    }

    return pool.AsSpan(0, batchSize);
}

double MeasureVariance(int batchSize)
{
    int batches = BatchesFor(batchSize);
    double sum = 0;
    for (int s = 0; s < batches; s++)
    {
        atEpoch1.Gradient(train, DrawBatch(batchSize), batchGradient, out double batchBiasGradient);
        sum += SquaredDistance(batchGradient, batchBiasGradient);
    }

    return sum / batches;
}

var variances = varianceSizes.Select(batchSize => (
    BatchSize: batchSize,
    Measured: MeasureVariance(batchSize),
    Guide: rowVariance / batchSize,
    Correction: (n - batchSize) / (n - 1.0),
    WithoutReplacement: rowVariance / batchSize * (n - batchSize) / (n - 1.0))).ToArray();

var varianceTable = new TextTable(
    Pick("バッチサイズ B", "batch size B"),
    Pick("バッチの数", "batches drawn"),
    Pick("測った分散", "measured variance"),
    "σ² / B",
    "(N − B) / (N − 1)",
    "σ² / B · (N − B) / (N − 1)",
    Pick("測った分散 ÷ 式の値", "measured ÷ formula"));
foreach (var variance in variances)
{
    double agreement = variance.WithoutReplacement > 0 ? variance.Measured / variance.WithoutReplacement : double.NaN;
    varianceTable.Add(variance.BatchSize, BatchesFor(variance.BatchSize), variance.Measured, variance.Guide, variance.Correction, variance.WithoutReplacement, agreement);
}

display(varianceTable);

// ---- セル 6 ----
double varianceRatio = variances.Single(v => v.BatchSize == 64).Measured / variances.Single(v => v.BatchSize == 16).Measured;
double formulaRatio = variances.Single(v => v.BatchSize == 64).WithoutReplacement / variances.Single(v => v.BatchSize == 16).WithoutReplacement;
Console.WriteLine(Pick(
    $"勾配の分散の比 Var(B = 64) / Var(B = 16) = {varianceRatio:F4}（1/B の法則なら 0.25、重複なしの式では {formulaRatio:F4}）",
    $"Gradient variance ratio Var(B = 64) / Var(B = 16) = {varianceRatio:F4} (0.25 by the 1/B rule, {formulaRatio:F4} by the without-repeats formula)"));

// ---- セル 7 ----
// B = N is left out: every batch is then the whole data, the variance is 0 and a log axis cannot show 0.
var drawn = variances.Where(v => v.BatchSize < n).ToArray();
double[] drawnSizes = drawn.Select(v => (double)v.BatchSize).ToArray();
display(Charts.LineChart(
    [
        new LineSeries(Pick("測った分散", "measured"), drawnSizes, drawn.Select(v => v.Measured).ToArray()),
        new LineSeries(Pick("σ² / B（1/B の目安）", "σ² / B (1/B guide)"), drawnSizes, drawn.Select(v => v.Guide).ToArray(), Dashed: true, ShowMarkers: false),
        new LineSeries(Pick("σ² / B · (N − B) / (N − 1)（重複なし）", "σ² / B · (N − B) / (N − 1) (without repeats)"), drawnSizes, drawn.Select(v => v.WithoutReplacement).ToArray(), Dashed: true, ShowMarkers: false),
    ],
    Pick($"ミニバッチの勾配のばらつき（乳がんデータの訓練データ、N = {n}）", $"Gradient noise of a mini-batch (breast-cancer training data, N = {n})"),
    ChartText.Get(ChartText.BatchSize),
    Pick("全データの勾配からの二乗距離の平均（nat²）", "Mean squared distance from the full gradient (nats²)"),
    logX: true,
    logY: true));

// ---- セル 8 ----
int[] trainSizes = { 1, 4, 16, 64, 256, n };
double[] learningRates = { 0.01, 0.03, 0.1, 0.3, 1, 3, 10 };
int sweepEpochs = 20;

TrainingHistory[][] grid = trainSizes
    .Select(batchSize => learningRates
        .Select(rate => Trainer.Train(train, new TrainerOptions { BatchSize = batchSize, Epochs = sweepEpochs, LearningRate = rate, Shuffle = true, Seed = 42 }))
        .ToArray())
    .ToArray();
int rate01 = Array.IndexOf(learningRates, 0.1);

(int Window, double Roughness) MeasureRoughness(TrainingHistory run)
{
    int window = Math.Max(BatchPlan.CountBatches(n, run.Options.BatchSize), 8);
    double[] losses = run.Updates.Skip(run.Updates.Count - window).Select(update => update.BatchLoss).ToArray();
    double[] steps = losses.Zip(losses.Skip(1), (before, after) => after - before).ToArray();
    double meanStep = steps.Average();
    return (window, Math.Sqrt(steps.Average(step => (step - meanStep) * (step - meanStep))));
}

var roughnessTable = new TextTable(
    Pick("バッチサイズ", "batch size"),
    Pick("1 エポックの更新回数", "updates per epoch"),
    Pick("使った更新の数", "updates used"),
    Pick("損失曲線のがたつき（nat）", "loss-curve roughness (nats)"),
    Pick("20 エポック後の訓練データの損失", "training loss after 20 epochs"));
foreach (TrainingHistory[] runs in grid)
{
    TrainingHistory run = runs[rate01];
    (int window, double roughness) = MeasureRoughness(run);
    roughnessTable.Add(run.Label, BatchPlan.CountBatches(n, run.Options.BatchSize), window, roughness, run.Epochs[^1].TrainLoss);
}

display(roughnessTable);

// ---- セル 9 ----
var rateTable = new TextTable(
    new[] { Pick("バッチサイズ", "batch size") }
        .Concat(learningRates.Select(rate => $"lr = {rate}"))
        .Concat(new[] { Pick("損失が下がる最大の学習率", "largest lr that lowers the loss"), Pick("損失が最小の学習率", "lr with the lowest loss") })
        .ToArray());
foreach (TrainingHistory[] runs in grid)
{
    double[] finalLosses = runs.Select(run => run.Epochs[^1].TrainLoss).ToArray();
    double largestStable = runs
        .Where(run => double.IsFinite(run.Epochs[^1].TrainLoss) && run.Epochs[^1].TrainLoss < run.InitialTrainLoss)
        .Select(run => run.Options.LearningRate)
        .DefaultIfEmpty(double.NaN)
        .Max();
    double bestRate = runs.MinBy(run => run.Epochs[^1].TrainLoss)!.Options.LearningRate;
    rateTable.Add(new object[] { runs[0].Label }.Concat(finalLosses.Cast<object>()).Concat(new object[] { largestStable, bestRate }).ToArray());
}

Console.WriteLine(Pick(
    $"20 エポック後の訓練データの損失（学習前の損失は {grid[0][0].InitialTrainLoss:F4}）",
    $"Training loss after 20 epochs (loss before training: {grid[0][0].InitialTrainLoss:F4})"));
display(rateTable);

// ---- セル 10 ----
double lossTarget = 0.1;
int? EpochsToTarget(TrainingHistory run) => run.Epochs.Where(record => record.TrainLoss < lossTarget).Select(record => (int?)record.Epoch).FirstOrDefault();

var targetTable = new TextTable(
    Pick("バッチサイズ", "batch size"),
    Pick($"損失 < {lossTarget} までのエポック数（lr = 0.1）", $"epochs to loss < {lossTarget} (lr = 0.1)"),
    Pick("損失が最小の学習率", "lr with the lowest loss"),
    Pick($"損失 < {lossTarget} までのエポック数（その学習率）", $"epochs to loss < {lossTarget} (at that lr)"));
foreach (TrainingHistory[] runs in grid)
{
    TrainingHistory bestRun = runs.MinBy(run => run.Epochs[^1].TrainLoss)!;
    string notReached = Pick($"{sweepEpochs} エポックでは届かない", $"not within {sweepEpochs}");
    targetTable.Add(runs[0].Label, (object?)EpochsToTarget(runs[rate01]) ?? notReached, bestRun.Options.LearningRate, (object?)EpochsToTarget(bestRun) ?? notReached);
}

display(targetTable);

// ---- display(...): ノートブックがセルの下に表示するもの ----
// グラフは output/ に HTML ファイルとして保存してパスを表示し、表と学習履歴はテキストで、
// それ以外は Console.WriteLine と同じく表示します。
void display(object? value, params string[] mimeTypes) => appDisplay.Show(value);
