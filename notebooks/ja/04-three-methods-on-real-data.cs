// Generated from 04-three-methods-on-real-data.ipynb by `dotnet run --project src/BatchTutorial.Runner -- apps`.
// ノートブックのコードセルを順に実行する .NET 10 のファイルベースアプリです。
// 手で編集しないでください。次の生成で上書きされ、ノートブックと食い違っている間はテストが失敗します。
// 実行（リポジトリのルートで）: dotnet run notebooks/ja/04-three-methods-on-real-data.cs
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
var appDisplay = new AppDisplay(System.IO.Path.Combine(appDirectory, "output"), "04");

// ---- セル 2 ----
Dataset cancer = Datasets.BreastCancer();
DataSplit split = DataSplit.TrainTest(cancer, testFraction: 0.2, seed: 42, stratify: true);
Standardizer standardizer = Standardizer.Fit(split.Train);
Dataset train = standardizer.Transform(split.Train);
Dataset test = standardizer.Transform(split.Test);

// Largest |column mean| and average column standard deviation (population form, as Standardizer uses).
(double MaxAbsMean, double MeanDeviation) ColumnStatistics(Dataset data)
{
    double[] means = new double[data.Columns];
    double[] squares = new double[data.Columns];
    for (int i = 0; i < data.Rows; i++)
    {
        ReadOnlySpan<double> row = data.Row(i);
        for (int j = 0; j < data.Columns; j++)
        {
            means[j] += row[j] / data.Rows;
            squares[j] += row[j] * row[j] / data.Rows;
        }
    }

    double[] deviations = means.Select((mean, j) => Math.Sqrt(squares[j] - mean * mean)).ToArray();
    return (means.Max(Math.Abs), deviations.Average());
}

var dataTable = new TextTable(
    Pick("データ", "data"),
    Pick("行数", "rows"),
    Pick("特徴量の数", "features"),
    Pick("良性（ラベル 1）の割合", "share of benign (label 1)"),
    Pick("列平均の絶対値の最大", "largest |column mean|"),
    Pick("列の標準偏差の平均", "average column standard deviation"));
foreach ((string name, Dataset part) in new[] { (ChartText.Get(ChartText.TrainingData), train), (ChartText.Get(ChartText.TestData), test) })
{
    (double maxAbsMean, double meanDeviation) = ColumnStatistics(part);
    dataTable.Add(name, part.Rows, part.Columns, part.PositiveRate(), maxAbsMean, meanDeviation);
}

display(dataTable);

// ---- セル 3 ----
int epochs = 20;
var methodSettings = new (int BatchSize, double LearningRate)[]
{
    (train.Rows, 1.0),   // full-batch learning: 1 update per epoch
    (1, 0.01),           // online learning: 456 updates per epoch
    (32, 0.1),           // mini-batch learning: 15 updates per epoch
};

_ = Trainer.Train(train, new TrainerOptions { BatchSize = 32, Epochs = 1 });

TrainingHistory[] histories = methodSettings
    .Select(setting => Trainer.Train(
        train,
        new TrainerOptions { BatchSize = setting.BatchSize, Epochs = epochs, LearningRate = setting.LearningRate, Shuffle = true, Seed = 42 },
        test))
    .ToArray();
TrainingHistory miniBatch = histories[2];

var finalTable = new TextTable(
    Pick("学習方法", "method"),
    Pick("学習率", "learning rate"),
    Pick("更新回数", "updates"),
    Pick("訓練データの損失", "training loss"),
    Pick("訓練データの正解率", "training accuracy"),
    Pick("テストデータの損失", "test loss"),
    Pick("テストデータの正解率", "test accuracy"));
foreach (TrainingHistory history in histories)
{
    EpochRecord last = history.Epochs[^1];
    finalTable.Add(ChartText.LegendName(history), history.Options.LearningRate, last.Updates, last.TrainLoss, last.TrainAccuracy, last.TestLoss, last.TestAccuracy);
}

display(finalTable);

// ---- セル 4 ----
double miniBatchTestAccuracy = miniBatch.Epochs[^1].TestAccuracy;
Console.WriteLine(Pick(
    $"ミニバッチ学習（B = 32、学習率 0.1、{epochs} エポック）のテストデータの正解率 = {miniBatchTestAccuracy:F4}",
    $"Test accuracy of mini-batch learning (B = 32, learning rate 0.1, {epochs} epochs) = {miniBatchTestAccuracy:F4}"));

// ---- セル 5 ----
display(Charts.LossCurvesSwitchable(histories));

// ---- セル 6 ----
double targetLoss = 0.1;
var progressTable = new TextTable(
    Pick("学習方法", "method"),
    Pick("1 エポックの更新回数", "updates per epoch"),
    Pick("1 エポック後の訓練データの損失", "training loss after epoch 1"),
    Pick($"訓練データの損失が {targetLoss} を下回ったエポック", $"first epoch with training loss below {targetLoss}"),
    Pick("そのときの更新回数", "updates by then"),
    Pick("そのときの処理したサンプル数", "samples seen by then"));
foreach (TrainingHistory history in histories)
{
    EpochRecord firstEpoch = history.Epochs[0];
    EpochRecord? reached = history.Epochs.Where(record => record.TrainLoss < targetLoss).Select(record => (EpochRecord?)record).FirstOrDefault();
    progressTable.Add(ChartText.LegendName(history), firstEpoch.Updates, firstEpoch.TrainLoss, reached?.Epoch, reached?.Updates, reached?.SamplesSeen);
}

display(progressTable);

// ---- セル 7 ----
string[] worstNames = Pick(
    "半径,テクスチャ,周囲長,面積,滑らかさ,コンパクトさ,凹み度,凹点の数,対称性,フラクタル次元",
    "radius,texture,perimeter,area,smoothness,compactness,concavity,concave points,symmetry,fractal dimension").Split(',');

double[] Column(Dataset data, int j) => Enumerable.Range(0, data.Rows).Select(i => data.Row(i)[j]).ToArray();

double Correlation(double[] a, double[] b)
{
    double meanA = a.Average();
    double meanB = b.Average();
    double ab = 0, aa = 0, bb = 0;
    for (int i = 0; i < a.Length; i++)
    {
        ab += (a[i] - meanA) * (b[i] - meanB);
        aa += (a[i] - meanA) * (a[i] - meanA);
        bb += (b[i] - meanB) * (b[i] - meanB);
    }

    return ab / Math.Sqrt(aa * bb);
}

double[] labels = train.Y.ToArray();
double[] worstRadius = Column(train, 20);
var worstTable = new TextTable(
    Pick("列", "column"),
    Pick("特徴量（最悪値）", "feature (worst value)"),
    Pick("正解ラベルとの相関", "correlation with the label"),
    Pick("半径（列 20）との相関", "correlation with radius (column 20)"));
for (int j = 20; j < 30; j++)
{
    double[] column = Column(train, j);
    worstTable.Add(j, worstNames[j - 20], Correlation(column, labels), Correlation(column, worstRadius));
}

display(worstTable);

// ---- セル 8 ----
int[] pair = { 20, 27 };
Dataset train2 = train.SelectColumns(pair);

LogisticRegression fitted = Trainer.Train(
    train2,
    new TrainerOptions { BatchSize = train2.Rows, Epochs = 5000, LearningRate = 3.0, RecordUpdates = false, RecordEpochMetrics = false }).Model;
double fittedBias = fitted.Bias;
double[] fittedGradient = new double[2];
fitted.Gradient(train2, Enumerable.Range(0, train2.Rows).ToArray(), fittedGradient, out double fittedBiasGradient);
double fittedGradientNorm = Math.Sqrt(fittedGradient.Sum(g => g * g) + fittedBiasGradient * fittedBiasGradient);
double startDistance = Math.Sqrt(fitted.Weights[0] * fitted.Weights[0] + fitted.Weights[1] * fitted.Weights[1]);

Console.WriteLine(Pick(
    $"最小点: w1* = {fitted.Weights[0]:F4}, w2* = {fitted.Weights[1]:F4}, b* = {fittedBias:F4}（損失 {fitted.Loss(train2):F4}、勾配の大きさ {fittedGradientNorm:G2}、出発点 (0, 0) からの距離 {startDistance:F4}）",
    $"Minimum: w1* = {fitted.Weights[0]:F4}, w2* = {fitted.Weights[1]:F4}, b* = {fittedBias:F4} (loss {fitted.Loss(train2):F4}, gradient norm {fittedGradientNorm:G2}, distance from the start (0, 0) {startDistance:F4})"));

// ---- セル 9 ----
int[] pathBatchSizes = { 1, 8, 64, train2.Rows };
double pathLearningRate = 0.3;
int pathEpochs = 10;
TrainingHistory[] paths = pathBatchSizes
    .Select(batchSize => Trainer.Train(
        train2,
        new TrainerOptions { BatchSize = batchSize, Epochs = pathEpochs, LearningRate = pathLearningRate, Shuffle = true, Seed = 42, RecordTrajectory = true }))
    .ToArray();

double StepLength(ParameterSnapshot from, ParameterSnapshot to) =>
    Math.Sqrt(Math.Pow(to.Weights[0] - from.Weights[0], 2) + Math.Pow(to.Weights[1] - from.Weights[1], 2));

var pathTable = new TextTable(
    Pick("学習方法", "method"),
    Pick("更新回数", "updates"),
    "w1", "w2", "b",
    Pick("最小点までの距離", "distance to the minimum"),
    Pick("軌跡の長さ", "path length"),
    Pick("訓練データの損失", "training loss"));
foreach (TrainingHistory path in paths)
{
    LogisticRegression end = path.Model;
    double distance = Math.Sqrt(Math.Pow(end.Weights[0] - fitted.Weights[0], 2) + Math.Pow(end.Weights[1] - fitted.Weights[1], 2));
    double pathLength = path.Trajectory.Zip(path.Trajectory.Skip(1), StepLength).Sum();
    pathTable.Add(ChartText.LegendName(path), path.Epochs[^1].Updates, end.Weights[0], end.Weights[1], end.Bias, distance, pathLength, path.Epochs[^1].TrainLoss);
}

display(pathTable);

// ---- セル 10 ----
display(Charts.LossContour(train2, paths, bias: fittedBias));

// ---- display(...): ノートブックがセルの下に表示するもの ----
// グラフは output/ に HTML ファイルとして保存してパスを表示し、表と学習履歴はテキストで、
// それ以外は Console.WriteLine と同じく表示します。
void display(object? value, params string[] mimeTypes) => appDisplay.Show(value);
