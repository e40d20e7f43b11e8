// Generated from 03-article-code-in-csharp.ipynb by `dotnet run --project src/BatchTutorial.Runner -- apps`.
// ノートブックのコードセルを順に実行する .NET 10 のファイルベースアプリです。
// 手で編集しないでください。次の生成で上書きされ、ノートブックと食い違っている間はテストが失敗します。
// 実行（リポジトリのルートで）: dotnet run notebooks/ja/03-article-code-in-csharp.cs
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
using MathNet.Numerics.LinearAlgebra;

// ---- セル 1: ノートブックでは `#!import ../setup.dib` ----
// カーネルと同じく、ノートブックのフォルダーで、ノートブックの言語（UI カルチャ ja-JP）で実行します。
string appDirectory = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Environment.CurrentDirectory;
Environment.CurrentDirectory = appDirectory;
Console.OutputEncoding = Encoding.UTF8;
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("ja-JP");
System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("ja-JP");
var appDisplay = new AppDisplay(System.IO.Path.Combine(appDirectory, "output"), "03");

// ---- セル 2 ----
Dataset dummy = Datasets.Dummy(100, 10, seed: 42);
Matrix<double> X = Textbook.ToMatrix(dummy);
Vector<double> y = Textbook.LabelVector(dummy);

// W has its own seed: Dummy(seed: 42) drew X from seed 42, and the same seed would make W a copy of X's first row.
var weightRandom = new SeededRandom(43);
Vector<double> initialW = Vector<double>.Build.Dense(X.ColumnCount, _ => weightRandom.NextNormal());
double lr = 0.01;
int batchSize = 20;

Console.WriteLine(Pick(
    $"X: {X.RowCount} 行 × {X.ColumnCount} 列、y: {y.Count} 個（1 が {y.Sum()} 個）、W: {initialW.Count} 個、b = 0、lr = {lr}、batch_size = {batchSize}",
    $"X: {X.RowCount} rows × {X.ColumnCount} columns, y: {y.Count} labels ({y.Sum()} of them 1), W: {initialW.Count} values, b = 0, lr = {lr}, batch_size = {batchSize}"));

// ---- セル 3 ----
Vector<double> W = initialW.Clone();
double b = 0.0;

for (int i = 0; i < X.RowCount; i += batchSize)
{
    int m = Math.Min(batchSize, X.RowCount - i);
    Matrix<double> batchX = X.SubMatrix(i, m, 0, X.ColumnCount);
    Vector<double> batchY = y.SubVector(i, m);

    Vector<double> z = batchX * W + b;
    Vector<double> pred = z.Map(Sigmoid.Compute);

    Vector<double> error = pred - batchY;
    Vector<double> dW = batchX.TransposeThisAndMultiply(error) / batchSize;
    double db = error.Average();

    W = W - lr * dW;
    b -= lr * db;

    Console.WriteLine($"Batch {i / batchSize + 1} updated.");
}

// ---- セル 4 ----
(Vector<double> W, double B) textbook = Textbook.Epoch(
    X, y, initialW, 0.0, lr, batchSize,
    divideByBatchSize: true,
    onBatch: batchNumber => Console.WriteLine($"Batch {batchNumber} updated."));

// ---- セル 5 ----
TrainingHistory library = Trainer.Train(
    dummy,
    new TrainerOptions
    {
        BatchSize = batchSize,
        Epochs = 1,
        LearningRate = lr,
        RecordEpochMetrics = false,
        OnUpdate = update => Console.WriteLine($"Batch {update.Step + 1} updated."),
    },
    initial: new LogisticRegression(initialW.ToArray(), 0.0));

// ---- セル 6 ----
double MaxDifference(IReadOnlyList<double> weights, double bias) =>
    Math.Max(W.Select((value, j) => Math.Abs(value - weights[j])).Max(), Math.Abs(b - bias));

var agreementTable = new TextTable(Pick("版", "version"), "W[0]", "W[1]", "W[9]", "b", Pick("移植との差の最大値", "max difference from the port"));
agreementTable.Add(Pick("MathNet の移植", "MathNet port"), W[0], W[1], W[9], b, MaxDifference(W.ToArray(), b));
agreementTable.Add("Textbook.Epoch", textbook.W[0], textbook.W[1], textbook.W[9], textbook.B, MaxDifference(textbook.W.ToArray(), textbook.B));
agreementTable.Add("Trainer", library.Model.Weights[0], library.Model.Weights[1], library.Model.Weights[9], library.Model.Bias, MaxDifference(library.Model.Weights, library.Model.Bias));
display(agreementTable);

// ---- セル 7 ----
var lossRuns = new[] { batchSize, dummy.Rows }
    .Select(size => Trainer.Train(
        dummy,
        new TrainerOptions { BatchSize = size, Epochs = 100, LearningRate = lr, RecordEpochMetrics = false },
        initial: new LogisticRegression(initialW.ToArray(), 0.0)))
    .ToList();
display(Charts.BatchLossPerUpdate(lossRuns, XAxisKind.Epochs));

// ---- セル 8 ----
Dataset dummy110 = Datasets.Dummy(110, 10, seed: 42);
Matrix<double> x110 = Textbook.ToMatrix(dummy110);
Vector<double> y110 = Textbook.LabelVector(dummy110);

var byBatchSize = Textbook.Epoch(x110, y110, initialW, 0.0, lr, batchSize, divideByBatchSize: true);
var byRows = Textbook.Epoch(x110, y110, initialW, 0.0, lr, batchSize);
TrainingHistory trainer110 = Trainer.Train(
    dummy110,
    new TrainerOptions { BatchSize = batchSize, Epochs = 1, LearningRate = lr, RecordEpochMetrics = false },
    initial: new LogisticRegression(initialW.ToArray(), 0.0));

var lastBatchTable = new TextTable(
    Pick("パラメータ", "parameter"),
    Pick("batch_size で割る（記事）", "divided by batch_size (article)"),
    Pick("行数 m で割る", "divided by the rows m"),
    "Trainer");
for (int j = 0; j < byRows.W.Count; j++)
{
    lastBatchTable.Add($"W[{j}]", byBatchSize.W[j], byRows.W[j], trainer110.Model.Weights[j]);
}

lastBatchTable.Add("b", byBatchSize.B, byRows.B, trainer110.Model.Bias);
display(lastBatchTable);

// ---- セル 9 ----
DataSplit dummySplit = DataSplit.TrainTest(Datasets.Dummy(1000, 10, seed: 42), testFraction: 0.2, seed: 42);
DataSplit blobSplit = DataSplit.TrainTest(Datasets.Blobs(1000, seed: 42), testFraction: 0.2, seed: 42);
var longRun = new TrainerOptions { BatchSize = batchSize, Epochs = 100, LearningRate = 0.1, Shuffle = true, Seed = 42 };
TrainingHistory dummyRun = Trainer.Train(dummySplit.Train, longRun, dummySplit.Test);
TrainingHistory blobRun = Trainer.Train(blobSplit.Train, longRun, blobSplit.Test);

double[] epochAxis = Enumerable.Range(0, longRun.Epochs + 1).Select(epoch => (double)epoch).ToArray();
double[] TestLosses(TrainingHistory run) => run.Epochs.Select(record => record.TestLoss).Prepend(run.InitialTestLoss).ToArray();
display(Charts.LineChart(
    new[]
    {
        new LineSeries(Pick("ランダムなラベル（ダミーデータ）", "random labels (dummy data)"), epochAxis, TestLosses(dummyRun), ShowMarkers: false),
        new LineSeries(Pick("学習できるデータ（Blobs）", "learnable data (Blobs)"), epochAxis, TestLosses(blobRun), ShowMarkers: false),
        LineSeries.FromFunction("ln 2", new[] { 0.0, longRun.Epochs }, _ => Math.Log(2)),
    },
    Pick("テストデータの損失", "Loss on the test data"),
    ChartText.Get(ChartText.Epochs),
    ChartText.Get(ChartText.Loss)));

// ---- セル 10 ----
double BaseRateLoss(Dataset data)
{
    double share = data.PositiveRate();
    return -(share * Math.Log(share) + (1 - share) * Math.Log(1 - share));
}

var learnTable = new TextTable(
    Pick("データ", "data"),
    Pick("訓練データの損失", "training loss"),
    Pick("テストデータの損失", "test loss"),
    Pick("割合だけを答える予測の損失", "loss of predicting the share"),
    Pick("テストデータの正解率", "test accuracy"));
learnTable.Add(Pick("ランダムなラベル", "random labels"), dummyRun.Epochs[^1].TrainLoss, dummyRun.Epochs[^1].TestLoss, BaseRateLoss(dummySplit.Test), dummyRun.Epochs[^1].TestAccuracy);
learnTable.Add("Blobs", blobRun.Epochs[^1].TrainLoss, blobRun.Epochs[^1].TestLoss, BaseRateLoss(blobSplit.Test), blobRun.Epochs[^1].TestAccuracy);
display(learnTable);
Console.WriteLine($"ln 2 = {Math.Log(2):F4}");

// ---- display(...): ノートブックがセルの下に表示するもの ----
// グラフは output/ に HTML ファイルとして保存してパスを表示し、表と学習履歴はテキストで、
// それ以外は Console.WriteLine と同じく表示します。
void display(object? value, params string[] mimeTypes) => appDisplay.Show(value);
