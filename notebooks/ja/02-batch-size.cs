// Generated from 02-batch-size.ipynb by `dotnet run --project src/BatchTutorial.Runner -- apps`.
// ノートブックのコードセルを順に実行する .NET 10 のファイルベースアプリです。
// 手で編集しないでください。次の生成で上書きされ、ノートブックと食い違っている間はテストが失敗します。
// 実行（リポジトリのルートで）: dotnet run notebooks/ja/02-batch-size.cs
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
var appDisplay = new AppDisplay(System.IO.Path.Combine(appDirectory, "output"), "02");

// ---- セル 2 ----
int sampleCount = 100;
int batchSize = 20;

var sliceTable = new TextTable(Pick("回目", "step"), "i", Pick("スライス", "slice"), Pick("使う行", "rows"), Pick("行数", "row count"));
foreach (Batch batch in BatchPlan.Sequential(sampleCount, batchSize))
{
    sliceTable.Add(batch.Step + 1, batch.Start, $"X[{batch.Start}:{batch.Start + batchSize}]", $"{batch.Start}–{batch.End - 1}", batch.Count);
}

display(sliceTable);

// ---- セル 3 ----
display(Charts.BatchCoverage(BatchPlan.Create(sampleCount, batchSize)));

// ---- セル 4 ----
foreach (int size in new[] { 100, 300 })
{
    BatchPlan sizePlan = BatchPlan.Create(1000, size);
    string sizes = string.Join(", ", sizePlan.Batches().Select(part => part.Count));
    Console.WriteLine(Pick(
        $"N = 1000, B = {size}: {sizePlan.BatchesPerEpoch} バッチ、行数 [{sizes}]",
        $"N = 1000, B = {size}: {sizePlan.BatchesPerEpoch} batches, rows [{sizes}]"));
}

// ---- セル 5 ----
Dataset points = Datasets.Blobs(1000, seed: 42);
var zeroModel = new LogisticRegression(points.Columns);
IReadOnlyList<int[]> rows300 = BatchPlan.Create(1000, 300).BatchRows(1)[0];

double[] dWFirst = new double[points.Columns];
zeroModel.Gradient(points, rows300[0], dWFirst, out _);
double[] dWLast = new double[points.Columns];
zeroModel.Gradient(points, rows300[^1], dWLast, out _);

double normFirst = Math.Sqrt(dWFirst.Sum(value => value * value));
double normLast = Math.Sqrt(dWLast.Sum(value => value * value));
double normLastOver300 = normLast * rows300[^1].Length / 300;

var gradientTable = new TextTable(Pick("バッチ", "batch"), Pick("行数 m", "rows m"), Pick("割る数", "divided by"), "‖dW‖");
gradientTable.Add(1, rows300[0].Length, 300, normFirst);
gradientTable.Add(rows300.Count, rows300[^1].Length, Pick("100（自分の行数）", "100 (its own rows)"), normLast);
gradientTable.Add(rows300.Count, rows300[^1].Length, Pick("300（バッチサイズ）", "300 (the batch size)"), normLastOver300);
display(gradientTable);

// ---- セル 6 ----
BatchPlan dropPlan = BatchPlan.Create(1000, 300, dropLast: true);
int rowsUsed = dropPlan.Batches().Sum(part => part.Count);
Console.WriteLine(Pick(
    $"drop-last: {dropPlan.BatchesPerEpoch} バッチ、行数 [{string.Join(", ", dropPlan.Batches().Select(part => part.Count))}]、1 エポックで使う行 {rowsUsed}、使わない行 {1000 - rowsUsed}",
    $"drop-last: {dropPlan.BatchesPerEpoch} batches, rows [{string.Join(", ", dropPlan.Batches().Select(part => part.Count))}], rows used per epoch {rowsUsed}, left out {1000 - rowsUsed}"));

// ---- セル 7 ----
int[][] dropOrders = BatchPlan.Create(1000, 300, shuffle: true, seed: 42, dropLast: true).EpochOrders(2);
int[] droppedFirst = dropOrders[0][rowsUsed..];
int[] droppedSecond = dropOrders[1][rowsUsed..];
Console.WriteLine(Pick(
    $"エポック 1 で使わない行 {droppedFirst.Length} 行、エポック 2 で使わない行 {droppedSecond.Length} 行、両方で使わない行 {droppedFirst.Intersect(droppedSecond).Count()} 行",
    $"left out in epoch 1: {droppedFirst.Length} rows, in epoch 2: {droppedSecond.Length} rows, in both: {droppedFirst.Intersect(droppedSecond).Count()} rows"));

// ---- セル 8 ----
BatchPlan shuffledPlan = BatchPlan.Create(sampleCount, batchSize, shuffle: true, seed: 42);
display(Charts.BatchCoverage(shuffledPlan, epochs: 2));

// ---- セル 9 ----
int[][] epochOrders = shuffledPlan.EpochOrders(2);
for (int e = 0; e < epochOrders.Length; e++)
{
    bool everyRowOnce = epochOrders[e].Order().SequenceEqual(Enumerable.Range(0, sampleCount));
    Console.WriteLine(Pick(
        $"エポック {e + 1}: 先頭 10 行 {string.Join(", ", epochOrders[e].Take(10))}, …（0 〜 99 を 1 回ずつ含む: {(everyRowOnce ? "はい" : "いいえ")}）",
        $"epoch {e + 1}: first 10 rows {string.Join(", ", epochOrders[e].Take(10))}, … (every row 0 to 99 once: {(everyRowOnce ? "yes" : "no")})"));
}

// ---- display(...): ノートブックがセルの下に表示するもの ----
// グラフは output/ に HTML ファイルとして保存してパスを表示し、表と学習履歴はテキストで、
// それ以外は Console.WriteLine と同じく表示します。
void display(object? value, params string[] mimeTypes) => appDisplay.Show(value);
