// Generated from 01-what-is-batch-processing.ipynb by `dotnet run --project src/BatchTutorial.Runner -- apps`.
// A .NET 10 file-based app that runs the notebook's code cells in order.
// Do not edit it by hand: the next generation overwrites it, and a test fails while it differs from the notebook.
// Run it from the repository root: dotnet run notebooks/en/01-what-is-batch-processing.cs
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

// ---- cell 1: in the notebook `#!import ../setup.dib` ----
// Like the kernel, run in the notebook's folder and in the notebook's language (UI culture en-US).
string appDirectory = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Environment.CurrentDirectory;
Environment.CurrentDirectory = appDirectory;
Console.OutputEncoding = Encoding.UTF8;
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
var appDisplay = new AppDisplay(System.IO.Path.Combine(appDirectory, "output"), "01");

// ---- cell 2 ----
int n = 1000;
var methods = new (string Name, int BatchSize)[]
{
    (ChartText.Get(ChartText.FullBatchLearning), n),
    (ChartText.Get(ChartText.OnlineLearning), 1),
    (ChartText.Get(ChartText.MiniBatchLearning), 100),
};

var methodTable = new TextTable(
    Pick("学習方法", "method"),
    Pick("バッチサイズ B", "batch size B"),
    Pick("1 エポックの更新回数", "updates per epoch"),
    Pick("1 回の更新に使うサンプル数", "samples per update"),
    Pick("重みが変わるとき", "when the weights change"));
foreach ((string name, int batchSize) in methods)
{
    BatchPlan methodPlan = BatchPlan.Create(n, batchSize);
    int updatesPerEpoch = BatchPlan.CountBatches(n, batchSize);
    int[] batchCounts = methodPlan.Batches().Select(batch => batch.Count).Distinct().ToArray();
    object rowsPerUpdate = batchCounts.Length == 1 ? batchCounts[0] : string.Join(", ", batchCounts);
    string when = batchSize == n
        ? Pick($"{n} 行すべてを見た後（1 エポックに 1 回）", $"after all {n} rows (once per epoch)")
        : batchSize == 1
            ? Pick("1 行ごと", "after every row")
            : Pick($"{batchSize} 行ごと", $"after every {batchSize} rows");
    methodTable.Add(name, batchSize, updatesPerEpoch, rowsPerUpdate, when);
}

display(methodTable);

// ---- cell 3 ----
Dataset blobs = Datasets.Blobs(n, seed: 42);
TrainingHistory fullBatch = Trainer.Train(blobs, new TrainerOptions { BatchSize = n, Epochs = 3, LearningRate = 0.1 });

var updateTable = new TextTable(
    Pick("エポック", "epoch"),
    Pick("更新の番号", "update"),
    Pick("バッチの行数", "rows in the batch"),
    Pick("それまでに処理したサンプル数", "samples seen so far"));
foreach (UpdateRecord update in fullBatch.Updates)
{
    updateTable.Add(update.Epoch, update.Update, update.BatchRows, update.SamplesSeen);
}

display(updateTable);

// ---- cell 4 ----
TrainingHistory miniBatch = Trainer.Train(blobs, new TrainerOptions { BatchSize = 100, Epochs = 1, LearningRate = 0.1 });

Console.WriteLine(Pick(
    $"更新回数: {miniBatch.Updates.Count}、各バッチの行数: {string.Join(", ", miniBatch.Updates.Select(update => update.BatchRows))}",
    $"updates: {miniBatch.Updates.Count}, rows per batch: {string.Join(", ", miniBatch.Updates.Select(update => update.BatchRows))}"));

// ---- cell 5 ----
IReadOnlyList<int[]> inOrder = BatchPlan.Create(100, 20).BatchRows(1)[0];
IReadOnlyList<IReadOnlyList<int[]>> shuffled = BatchPlan.Create(100, 20, shuffle: true, seed: 42).BatchRows(2);
string FirstRows(int[] rows) => string.Join(", ", rows.Take(5)) + ", …";

var orderTable = new TextTable(
    Pick("バッチ", "batch"),
    Pick("順番どおり（記事のループ）", "in order (the article's loop)"),
    Pick("シャッフル、エポック 1", "shuffled, epoch 1"),
    Pick("シャッフル、エポック 2", "shuffled, epoch 2"));
for (int k = 0; k < inOrder.Count; k++)
{
    orderTable.Add(k + 1, FirstRows(inOrder[k]), FirstRows(shuffled[0][k]), FirstRows(shuffled[1][k]));
}

display(orderTable);

// ---- display(...): what the notebook shows under a cell ----
// Charts are saved as HTML files in output/ and their paths printed. Tables and training histories are
// printed as text, and anything else as Console.WriteLine prints it.
void display(object? value, params string[] mimeTypes) => appDisplay.Show(value);
