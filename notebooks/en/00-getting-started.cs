// Generated from 00-getting-started.ipynb by `dotnet run --project src/BatchTutorial.Runner -- apps`.
// A .NET 10 file-based app that runs the notebook's code cells in order.
// Do not edit it by hand: the next generation overwrites it, and a test fails while it differs from the notebook.
// Run it from the repository root: dotnet run notebooks/en/00-getting-started.cs
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
var appDisplay = new AppDisplay(System.IO.Path.Combine(appDirectory, "output"), "00");

// ---- cell 2 ----
Dataset cancer = Datasets.BreastCancer();

Console.WriteLine($"σ(0) = {Sigmoid.Compute(0.0)}");
Console.WriteLine($"σ(4) = {Sigmoid.Compute(4.0):F4}");
Console.WriteLine(Pick(
    $"乳がん診断データ: {cancer.Rows} 行 × {cancer.Columns} 列（ラベル 1 の割合 {cancer.PositiveRate():F3}）",
    $"breast-cancer data: {cancer.Rows} rows × {cancer.Columns} columns (share of label 1: {cancer.PositiveRate():F3})"));
Console.WriteLine(Pick(
    $"UI カルチャ: {System.Globalization.CultureInfo.CurrentUICulture.Name}",
    $"UI culture: {System.Globalization.CultureInfo.CurrentUICulture.Name}"));

// ---- cell 3 ----
double[] zValues = Enumerable.Range(-30, 61).Select(step => step / 5.0).ToArray();
double[] sigmoidValues = zValues.Select(Sigmoid.Compute).ToArray();

display(Charts.LineChart(
    new[] { new LineSeries("σ(z) = 1 / (1 + e^(−z))", zValues, sigmoidValues, ShowMarkers: false) },
    Pick("シグモイド関数", "The sigmoid function"),
    Pick("z（ロジット、単位なし）", "z (logit, no unit)"),
    Pick("σ(z)（予測確率、0 〜 1）", "σ(z) (predicted probability, 0 to 1)")));

// ---- display(...): what the notebook shows under a cell ----
// Charts are saved as HTML files in output/ and their paths printed. Tables and training histories are
// printed as text, and anything else as Console.WriteLine prints it.
void display(object? value, params string[] mimeTypes) => appDisplay.Show(value);
