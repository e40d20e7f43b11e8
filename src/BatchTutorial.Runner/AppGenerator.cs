using System.Text;
using System.Text.Json.Nodes;

namespace BatchTutorial.Runner;

/// <summary>
/// Generates the .NET 10 file-based app of a notebook: <c>notebooks/{ja,en}/NN-name.cs</c> beside
/// <c>NN-name.ipynb</c>, which runs the notebook's code cells in order without a notebook kernel.
/// </summary>
/// <remarks>
/// The first code cell, <c>#!import ../setup.dib</c>, becomes a prelude that does what setup.dib does for the
/// kernel: it references the kit (<c>#:project</c>) and the packages that cells use directly (<c>#:package</c>
/// without a version, because Directory.Packages.props pins it and a versioned one fails with NU1008), opens the
/// same namespaces, and sets the notebook folder as the current directory and its language as the UI culture.
/// <c>display(value)</c> becomes a local function that writes charts as offline HTML files and prints the rest.
/// </remarks>
internal static class AppGenerator
{
    /// <summary>The only source line of the first code cell of every notebook.</summary>
    public const string SetupImport = "#!import ../setup.dib";

    // The kit's chart project, which brings the library and Plotly.NET with it.
    private const string PlotsProject = "src/BatchTutorial.Plots/BatchTutorial.Plots.csproj";

    /// <summary>The folder beside the apps that receives their chart pages.</summary>
    public const string OutputFolderName = "output";

    /// <summary>The first line of every generated app; <see cref="AppWriter"/> only deletes .cs files that start with it.</summary>
    public const string GeneratedMarker = "// Generated from ";

    // The namespaces that the .NET Interactive C# kernel (1.0.712001) opens in every submission. The app turns off
    // the SDK's implicit usings and opens exactly these, so a cell compiles in the app only if it compiles in the kernel.
    private static readonly string[] KernelUsings =
    [
        "using System;",
        "using System.Collections.Generic;",
        "using System.Linq;",
        "using System.Text;",
        "using System.Threading.Tasks;",
    ];

    // The namespaces that the last section of notebooks/setup.dib opens.
    private static readonly string[] SetupUsings =
    [
        "using BatchTutorial;",
        "using BatchTutorial.Plots;",
        "using static BatchTutorial.Plots.Bilingual;",
    ];

    /// <summary>Returns the app's path: the notebook's path with the extension .cs.</summary>
    public static string AppPath(NotebookLocation notebook) => Path.ChangeExtension(notebook.Path, ".cs");

    /// <summary>
    /// Generates the app's source from the notebook file.
    /// </summary>
    /// <param name="notebook">The notebook; the app goes beside it.</param>
    /// <param name="repositoryRoot">The folder with src/BatchTutorial.Plots, which the app references by a path relative to itself.</param>
    /// <exception cref="InvalidDataException">The notebook is not valid, its first code cell is not the setup import, or a cell cannot be part of a top-level program.</exception>
    public static GeneratedApp Generate(NotebookLocation notebook, string repositoryRoot)
    {
        JsonObject document = NotebookFile.Read(notebook.Path);
        string[] codeCells = NotebookFile.Cells(document)
            .Where(cell => NotebookFile.CellType(cell) == "code")
            .Select(NotebookFile.Source)
            .ToArray();
        if (codeCells.Length == 0 || !IsSetupCell(codeCells[0]))
        {
            throw new InvalidDataException(
                $"{notebook.DisplayName}: the first code cell must contain only `{SetupImport}`, which the app replaces by its prelude.");
        }

        var cells = new List<TranslatedCell>();
        var wrappedCells = new List<int>();
        for (int i = 1; i < codeCells.Length; i++)
        {
            TranslatedCell cell = CellTranslator.Translate(codeCells[i], $"{notebook.DisplayName} cell {i + 1}");
            cells.Add(cell);
            if (cell.WrappedTrailingExpression)
            {
                wrappedCells.Add(i + 1);
            }
        }

        string plotsProject = Path.GetRelativePath(notebook.Directory, Path.Combine(repositoryRoot, PlotsProject)).Replace('\\', '/');
        return new GeneratedApp(Render(notebook, plotsProject, cells), wrappedCells);
    }

    private static bool IsSetupCell(string source)
    {
        string[] codeLines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))
            .ToArray();
        return codeLines is [SetupImport];
    }

    private static string Render(NotebookLocation notebook, string plotsProject, IReadOnlyList<TranslatedCell> cells)
    {
        AppText text = AppText.For(notebook.Language);
        string appFile = notebook.Name + ".cs";
        string repositoryPath = $"notebooks/{notebook.Language}/{appFile}";
        bool needsDisplay = cells.Any(cell => cell.CallsDisplay);

        var app = new StringBuilder();
        app.AppendLine($"{GeneratedMarker}{notebook.Name}.ipynb by `dotnet run --project src/BatchTutorial.Runner -- apps`.");
        foreach (string line in text.Header(repositoryPath, $"notebooks/{notebook.Language}/{OutputFolderName}/"))
        {
            app.AppendLine("// " + line);
        }

        app.AppendLine($"#:project {plotsProject}");
        app.AppendLine("#:package Plotly.NET.CSharp");
        app.AppendLine("#:package MathNet.Numerics");
        app.AppendLine("#:property PublishAot=false");
        app.AppendLine("#:property ImplicitUsings=disable");
        app.AppendLine();

        var usings = new List<string>(KernelUsings);
        usings.AddRange(SetupUsings);
        foreach (string directive in cells.SelectMany(cell => cell.Usings))
        {
            if (!usings.Contains(directive, StringComparer.Ordinal))
            {
                usings.Add(directive);
            }
        }

        foreach (string directive in usings)
        {
            app.AppendLine(directive);
        }

        app.AppendLine();
        app.AppendLine($"// ---- {text.Cell} 1: {text.SetupCell} ----");
        app.AppendLine($"// {text.SetupComment}");
        app.AppendLine("string appDirectory = AppContext.GetData(\"EntryPointFileDirectoryPath\") as string ?? Environment.CurrentDirectory;");
        app.AppendLine("Environment.CurrentDirectory = appDirectory;");
        app.AppendLine("Console.OutputEncoding = Encoding.UTF8;");
        app.AppendLine($"System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(\"{text.Culture}\");");
        app.AppendLine($"System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(\"{text.Culture}\");");
        if (needsDisplay)
        {
            app.AppendLine($"var appDisplay = new AppDisplay(System.IO.Path.Combine(appDirectory, \"{OutputFolderName}\"), \"{ChartFilePrefix(notebook.Name)}\");");
        }

        for (int i = 0; i < cells.Count; i++)
        {
            app.AppendLine();
            app.AppendLine($"// ---- {text.Cell} {i + 2} ----");
            if (cells[i].Body.Length > 0)
            {
                app.AppendLine(cells[i].Body);
            }
        }

        if (needsDisplay)
        {
            app.AppendLine();
            app.AppendLine($"// ---- {text.DisplayHeading} ----");
            foreach (string line in text.DisplayComment)
            {
                app.AppendLine("// " + line);
            }

            app.AppendLine("void display(object? value, params string[] mimeTypes) => appDisplay.Show(value);");
        }

        return app.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    // "03-article-code-in-csharp" gives "03", so charts are named 03-chart-1.html, 03-chart-2.html, ….
    private static string ChartFilePrefix(string notebookName)
    {
        int dash = notebookName.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && notebookName[..dash].All(char.IsAsciiDigit) ? notebookName[..dash] : notebookName;
    }
}

/// <summary>
/// The source of a generated app.
/// </summary>
/// <param name="Source">The app's C# text, with \n line ends.</param>
/// <param name="WrappedCells">The code cells (1-based) that end in an expression without a semicolon, which the app passes to <c>display</c>.</param>
internal sealed record GeneratedApp(string Source, IReadOnlyList<int> WrappedCells);
