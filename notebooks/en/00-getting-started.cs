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
using Plotly.NET.CSharp;

// ---- cell 1: in the notebook `#!import ../setup.dib` ----
// Like the kernel, run in the notebook's folder and in the notebook's language (UI culture en-US).
string appDirectory = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Environment.CurrentDirectory;
Environment.CurrentDirectory = appDirectory;
Console.OutputEncoding = Encoding.UTF8;
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
var appDisplay = new AppDisplay(System.IO.Path.Combine(appDirectory, "output"), "00");

// ---- cell 2 ----
Console.WriteLine($"UI culture: {System.Globalization.CultureInfo.CurrentUICulture.Name}");

// ---- cell 3 ----
double[] z = Enumerable.Range(-30, 61).Select(i => i / 5.0).ToArray();
double[] p = z.Select(value => 1.0 / (1.0 + Math.Exp(-value))).ToArray();

var chart = Chart.Line<double, double, string>(x: z, y: p, Name: "sigmoid")
    .WithXAxisStyle<double, double, string>(TitleText: "z")
    .WithYAxisStyle<double, double, string>(TitleText: "sigmoid(z)");
display(Plotly.NET.Chart.withTitle("The sigmoid function", null).Invoke(chart));

// ---- display(...): what the notebook shows under a cell ----
// Charts are saved as HTML files in output/ and their paths printed. Tables and training histories are
// printed as text, and anything else as Console.WriteLine prints it.
void display(object? value, params string[] mimeTypes) => appDisplay.Show(value);
