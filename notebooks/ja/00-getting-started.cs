// Generated from 00-getting-started.ipynb by `dotnet run --project src/BatchTutorial.Runner -- apps`.
// ノートブックのコードセルを順に実行する .NET 10 のファイルベースアプリです。
// 手で編集しないでください。次の生成で上書きされ、ノートブックと食い違っている間はテストが失敗します。
// 実行（リポジトリのルートで）: dotnet run notebooks/ja/00-getting-started.cs
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
var appDisplay = new AppDisplay(System.IO.Path.Combine(appDirectory, "output"), "00");

// ---- セル 2 ----
Dataset cancer = Datasets.BreastCancer();

Console.WriteLine($"σ(0) = {Sigmoid.Compute(0.0)}");
Console.WriteLine($"σ(4) = {Sigmoid.Compute(4.0):F4}");
Console.WriteLine(Pick(
    $"乳がん診断データ: {cancer.Rows} 行 × {cancer.Columns} 列（ラベル 1 の割合 {cancer.PositiveRate():F3}）",
    $"breast-cancer data: {cancer.Rows} rows × {cancer.Columns} columns (share of label 1: {cancer.PositiveRate():F3})"));
Console.WriteLine(Pick(
    $"UI カルチャ: {System.Globalization.CultureInfo.CurrentUICulture.Name}",
    $"UI culture: {System.Globalization.CultureInfo.CurrentUICulture.Name}"));

// ---- セル 3 ----
double[] zValues = Enumerable.Range(-30, 61).Select(step => step / 5.0).ToArray();
double[] sigmoidValues = zValues.Select(Sigmoid.Compute).ToArray();

display(Charts.LineChart(
    new[] { new LineSeries("σ(z) = 1 / (1 + e^(−z))", zValues, sigmoidValues, ShowMarkers: false) },
    Pick("シグモイド関数", "The sigmoid function"),
    Pick("z（ロジット、単位なし）", "z (logit, no unit)"),
    Pick("σ(z)（予測確率、0 〜 1）", "σ(z) (predicted probability, 0 to 1)")));

// ---- display(...): ノートブックがセルの下に表示するもの ----
// グラフは output/ に HTML ファイルとして保存してパスを表示し、表と学習履歴はテキストで、
// それ以外は Console.WriteLine と同じく表示します。
void display(object? value, params string[] mimeTypes) => appDisplay.Show(value);
