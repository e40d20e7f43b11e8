// Generated from 07-summary-and-exercises.ipynb by `dotnet run --project src/BatchTutorial.Runner -- apps`.
// ノートブックのコードセルを順に実行する .NET 10 のファイルベースアプリです。
// 手で編集しないでください。次の生成で上書きされ、ノートブックと食い違っている間はテストが失敗します。
// 実行（リポジトリのルートで）: dotnet run notebooks/ja/07-summary-and-exercises.cs
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
var appDisplay = new AppDisplay(System.IO.Path.Combine(appDirectory, "output"), "07");

// ---- セル 2 ----
int recapRows = 1000;
int recapMiniBatch = 100;
var recap = new TextTable(
    Pick("方法", "method"),
    Pick("バッチサイズ B", "batch size B"),
    Pick($"1 エポックの更新回数（N = {recapRows}）", $"updates per epoch (N = {recapRows})"),
    Pick("勾配のばらつき", "gradient noise"),
    Pick("1 エポックの時間", "time per epoch"),
    Pick("メモリ使用量（1 回の更新）", "memory per update"),
    Pick("主な使い方", "typical use"));
recap.Add(
    ChartText.Get(ChartText.FullBatchLearning),
    "N",
    BatchPlan.CountBatches(recapRows, recapRows),
    Pick("なし（訓練データ全体の正確な勾配）", "none (the exact gradient of the training data)"),
    Pick("短い（更新が 1 回で、計算をまとめてベクトル化できる）", "short (one update, one long vectorized pass)"),
    Pick("最大: 中間結果が N 行分", "largest: intermediate values for N rows"),
    Pick("小さなデータ、結果を厳密に再現したいとき", "small data sets, exactly repeatable runs"));
recap.Add(
    ChartText.Get(ChartText.OnlineLearning),
    1,
    BatchPlan.CountBatches(recapRows, 1),
    Pick("最大（1 件ごとの勾配）", "largest (one sample's gradient)"),
    Pick("長い（N 回の更新それぞれに手間がかかる）", "long (N updates, each with its own overhead)"),
    Pick("最小: 1 行分", "smallest: one row"),
    Pick("1 件ずつ届くデータ（ストリーム）への追従", "data that arrives one sample at a time"));
recap.Add(
    ChartText.Get(ChartText.MiniBatchLearning),
    $"k ({recapMiniBatch})",
    BatchPlan.CountBatches(recapRows, recapMiniBatch),
    Pick("中間（およそ 1 / B に比例）", "in between (roughly proportional to 1 / B)"),
    Pick("中間", "in between"),
    Pick("B 行分（データ全体より小さく抑えられる）", "B rows (kept well below the whole data)"),
    Pick("深層学習の標準的なやり方", "the standard way to train deep networks"));
display(recap);

// ---- セル 3 ----
int answer1 = 0; // ここに答え / your answer

// ---- セル 4 ----
Console.WriteLine(Pick("練習 1: ", "Exercise 1: ") + Exercises.CheckUpdateCount(answer1).Message);

// ---- セル 5 ----
int answer2 = 0; // ここに答え / your answer

// ---- セル 6 ----
Console.WriteLine(Pick("練習 2: ", "Exercise 2: ") + Exercises.CheckDropLastBatchCount(answer2).Message);

// ---- セル 7 ----
int answer3 = 0; // ここに答え / your answer

// ---- セル 8 ----
Console.WriteLine(Pick("練習 3: ", "Exercise 3: ") + Exercises.CheckOnlineSamplesPerUpdate(answer3).Message);

// ---- セル 9 ----
BatchPlan shufflePlan = BatchPlan.Create(10, 4, shuffle: true, seed: 42);
var shuffleTable = new TextTable(Pick("エポック", "epoch"), Pick("バッチ", "batch"), Pick("行の番号", "row indices"), Pick("行数", "rows"));
IReadOnlyList<IReadOnlyList<int[]>> shuffledRows = shufflePlan.BatchRows(2);
for (int epoch = 0; epoch < shuffledRows.Count; epoch++)
{
    for (int batch = 0; batch < shuffledRows[epoch].Count; batch++)
    {
        int[] rows = shuffledRows[epoch][batch];
        shuffleTable.Add(epoch + 1, batch + 1, string.Join(", ", rows), rows.Length);
    }
}

display(shuffleTable);

// ---- セル 10 ----
char answer4 = '?'; // ここに答え / your answer

// ---- セル 11 ----
Console.WriteLine(Pick("練習 4: ", "Exercise 4: ") + Exercises.CheckShuffleChange(answer4).Message);

// ---- セル 12 ----
Func<int, int, int> divisor = (batchSize, rows) => batchSize; // ここに答え / your answer

// ---- セル 13 ----
Console.WriteLine(Pick("練習 5: ", "Exercise 5: ") + Exercises.CheckBatchDivisor(divisor).Message);

// ---- セル 14 ----
DataSplit cancerSplit = DataSplit.TrainTest(Datasets.BreastCancer(), 0.2, seed: 42, stratify: true);
Standardizer cancerScaler = Standardizer.Fit(cancerSplit.Train);
Dataset cancerTrain = cancerScaler.Transform(cancerSplit.Train);
double targetLoss = 0.08;
int[] candidateSizes = [1, 8, 32, 128, cancerTrain.Rows];
double[] secondsToTarget = new double[candidateSizes.Length];
int[] epochsToTarget = new int[candidateSizes.Length];

// Returns the first epoch whose training loss is below the target and the update seconds up to it (0 and infinity when none).
(int Epoch, double Seconds) TimeToTarget(int batchSize)
{
    var options = new TrainerOptions { BatchSize = batchSize, Epochs = 300, LearningRate = 0.1, Shuffle = true, Seed = 42, Threads = 1 };
    TrainingHistory history = Trainer.Train(cancerTrain, options);
    foreach (EpochRecord record in history.Epochs)
    {
        if (record.TrainLoss < targetLoss)
        {
            return (record.Epoch, record.TotalSeconds);
        }
    }

    return (0, double.PositiveInfinity);
}

var fastestTable = new TextTable(
    Pick("バッチサイズ B", "batch size B"),
    Pick("目標までのエポック数", "epochs to target"),
    Pick("目標までの更新回数", "updates to target"),
    Pick("目標までの時間（ミリ秒）", "time to target (ms)"),
    Pick("1 エポックの時間（ミリ秒）", "time per epoch (ms)"));
for (int i = 0; i < candidateSizes.Length; i++)
{
    TimeToTarget(candidateSizes[i]);
    (int epoch, double seconds) = Enumerable.Range(0, 3).Select(_ => TimeToTarget(candidateSizes[i])).MinBy(result => result.Seconds);
    epochsToTarget[i] = epoch;
    secondsToTarget[i] = seconds;
    long updates = (long)epoch * BatchPlan.CountBatches(cancerTrain.Rows, candidateSizes[i]);
    fastestTable.Add(candidateSizes[i], epoch, updates, seconds * 1000, seconds * 1000 / epoch);
}

Console.WriteLine(Pick($"N = {cancerTrain.Rows}、目標の損失 < {targetLoss}", $"N = {cancerTrain.Rows}, target loss < {targetLoss}"));
display(fastestTable);

// ---- セル 15 ----
int answer6 = 0; // ここに答え / your answer

// ---- セル 16 ----
Console.WriteLine(Pick("練習 6: ", "Exercise 6: ") + Exercises.CheckFastestBatchSize(answer6, candidateSizes, secondsToTarget).Message);

// ---- display(...): ノートブックがセルの下に表示するもの ----
// グラフは output/ に HTML ファイルとして保存してパスを表示し、表と学習履歴はテキストで、
// それ以外は Console.WriteLine と同じく表示します。
void display(object? value, params string[] mimeTypes) => appDisplay.Show(value);
