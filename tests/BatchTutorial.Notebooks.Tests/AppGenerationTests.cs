using System.Text.RegularExpressions;
using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// Checks the generation of file-based apps from notebooks, without building or running them.
/// </summary>
public sealed partial class AppGenerationTests : IDisposable
{
    private static readonly string RepositoryRoot = RepositoryLayout.FindRoot(AppContext.BaseDirectory);
    private static readonly string NotebooksDirectory = Path.Combine(RepositoryRoot, "notebooks");
    private readonly string _root = TestNotebooks.CreateRepository(RepositoryRoot);

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void CommittedApps_MatchTheirNotebooks()
    {
        IReadOnlyList<AppCheck> checks = AppWriter.Check(NotebooksDirectory, RepositoryRoot, filter: null);

        Assert.NotEmpty(checks);
        foreach (AppCheck check in checks)
        {
            Assert.True(
                check.State == AppState.UpToDate,
                $"{Path.GetRelativePath(RepositoryRoot, check.AppPath)} is {check.State} {check.Error}. "
                + "Generate the apps again: dotnet run --project src/BatchTutorial.Runner -- apps");
        }
    }

    [Fact]
    public void CommittedApps_ReferenceKitWithoutVersions()
    {
        foreach (NotebookLocation notebook in RepositoryLayout.FindNotebooks(NotebooksDirectory, filter: null))
        {
            string appPath = AppGenerator.AppPath(notebook);
            string[] lines = File.ReadAllLines(appPath);
            string[] packages = lines.Where(line => line.StartsWith("#:package ", StringComparison.Ordinal)).ToArray();
            string project = Assert.Single(lines, line => line.StartsWith("#:project ", StringComparison.Ordinal))["#:project ".Length..];

            Assert.Equal(["#:package Plotly.NET.CSharp", "#:package MathNet.Numerics"], packages);
            Assert.Contains("#:property PublishAot=false", lines);
            Assert.True(File.Exists(Path.Combine(notebook.Directory, project)), $"{appPath}: #:project {project} does not exist");
        }
    }

    [Fact]
    public void CommittedApps_SetCultureFromFolder()
    {
        foreach (NotebookLocation notebook in RepositoryLayout.FindNotebooks(NotebooksDirectory, filter: null))
        {
            string app = File.ReadAllText(AppGenerator.AppPath(notebook));
            string culture = notebook.Language == "ja" ? "ja-JP" : "en-US";

            Assert.Contains($"System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(\"{culture}\");", app);
            Assert.Contains("Environment.CurrentDirectory = appDirectory;", app);
        }
    }

    [Fact]
    public void Generate_ReplacesSetupByPrelude()
    {
        NotebookLocation notebook = WriteNotebook("en", "05-sample", "#!import ../setup.dib", "Console.WriteLine(1);");

        string app = AppGenerator.Generate(notebook, _root).Source;

        Assert.StartsWith(AppGenerator.GeneratedMarker + "05-sample.ipynb by", app);
        Assert.DoesNotContain(app.Split('\n'), line => line.StartsWith("#!", StringComparison.Ordinal));
        Assert.Contains("#:project ../../src/BatchTutorial.Plots/BatchTutorial.Plots.csproj\n", app);
        Assert.Contains("using static BatchTutorial.Plots.Bilingual;\n", app);
        Assert.Contains("// ---- cell 2 ----\nConsole.WriteLine(1);\n", app);
        Assert.DoesNotContain("void display(", app);
    }

    [Fact]
    public void Generate_RejectsMissingSetupCell()
    {
        NotebookLocation notebook = WriteNotebook("en", "05-sample", "Console.WriteLine(1);");

        var exception = Assert.Throws<InvalidDataException>(() => AppGenerator.Generate(notebook, _root));

        Assert.Contains("#!import ../setup.dib", exception.Message);
        Assert.Contains("en/05-sample", exception.Message);
    }

    [Fact]
    public void Generate_DefinesDisplayWhenCalled()
    {
        NotebookLocation notebook = WriteNotebook("ja", "07-sample", "#!import ../setup.dib", "display(1);");

        string app = AppGenerator.Generate(notebook, _root).Source;

        Assert.Contains("var appDisplay = new AppDisplay(System.IO.Path.Combine(appDirectory, \"output\"), \"07\");", app);
        Assert.EndsWith("void display(object? value, params string[] mimeTypes) => appDisplay.Show(value);\n", app);
        Assert.Contains("GetCultureInfo(\"ja-JP\")", app);
        Assert.Contains("// ---- セル 2 ----", app);
    }

    [Fact]
    public void Translate_WrapsTrailingExpression()
    {
        TranslatedCell cell = CellTranslator.Translate("var x = 2;\n// the value\nx * 21\n", "cell");

        Assert.Equal("var x = 2;\n// the value\ndisplay(x * 21);", cell.Body);
        Assert.True(cell.WrappedTrailingExpression);
        Assert.True(cell.CallsDisplay);
    }

    [Fact]
    public void Translate_KeepsFinalStatement()
    {
        TranslatedCell cell = CellTranslator.Translate("int Twice(int x) => 2 * x;\nConsole.WriteLine(Twice(2));", "cell");

        Assert.Equal("int Twice(int x) => 2 * x;\nConsole.WriteLine(Twice(2));", cell.Body);
        Assert.False(cell.WrappedTrailingExpression);
        Assert.False(cell.CallsDisplay);
    }

    [Fact]
    public void Translate_HoistsUsings()
    {
        TranslatedCell cell = CellTranslator.Translate(
            "using MathNet.Numerics.LinearAlgebra;\nusing M = MathNet.Numerics.LinearAlgebra.Matrix<double>;\n\nvar m = M.Build.Dense(2, 2);\ndisplay(m);",
            "cell");

        Assert.Equal(["using MathNet.Numerics.LinearAlgebra;", "using M = MathNet.Numerics.LinearAlgebra.Matrix<double>;"], cell.Usings);
        Assert.Equal("var m = M.Build.Dense(2, 2);\ndisplay(m);", cell.Body);
        Assert.True(cell.CallsDisplay);
    }

    [Theory]
    [InlineData("record Point(double X, double Y);", "declares a type")]
    [InlineData("class Box { }\nConsole.WriteLine(1);", "declares a type")]
    [InlineData("enum Method { Full, Online }", "declares a type")]
    [InlineData("int Count { get; set; }", "PropertyDeclaration")]
    public void Translate_RejectsDeclarations(string source, string expected)
    {
        var exception = Assert.Throws<InvalidDataException>(() => CellTranslator.Translate(source, "en/05-sample cell 3"));

        Assert.Contains(expected, exception.Message);
        Assert.Contains("en/05-sample cell 3, line", exception.Message);
    }

    [Theory]
    [InlineData("#r \"nuget: Newtonsoft.Json, 13.0.3\"")]
    [InlineData("#!time\nConsole.WriteLine(1);")]
    [InlineData("#load \"helpers.csx\"")]
    [InlineData("#i \"nuget: https://example.invalid/feed\"")]
    public void Translate_RejectsKernelDirectives(string source)
    {
        var exception = Assert.Throws<InvalidDataException>(() => CellTranslator.Translate(source, "cell 4"));

        Assert.Contains("kernel directive", exception.Message);
    }

    [Fact]
    public void Translate_RejectsSyntaxError()
    {
        var exception = Assert.Throws<InvalidDataException>(() => CellTranslator.Translate("var x = ;\nConsole.WriteLine(x)\nx", "cell 5"));

        Assert.Contains("cell 5 does not parse as C#", exception.Message);
    }

    [Fact]
    public void Check_FindsStaleMissingAndOrphanedApps()
    {
        string notebooks = Path.Combine(_root, "notebooks");
        NotebookLocation first = WriteNotebook("en", "01-first", "#!import ../setup.dib", "Console.WriteLine(1);");
        NotebookLocation second = WriteNotebook("en", "02-second", "#!import ../setup.dib", "Console.WriteLine(2);");
        string handWritten = Path.Combine(notebooks, "en", "scratch.cs");
        File.WriteAllText(handWritten, "Console.WriteLine(3);\n");

        Assert.All(AppWriter.Check(notebooks, _root, filter: null), check => Assert.Equal(AppState.Missing, check.State));
        Assert.Equal(0, AppWriter.Apply(AppWriter.Check(notebooks, _root, filter: null), _root, TextWriter.Null));
        Assert.All(AppWriter.Check(notebooks, _root, filter: null), check => Assert.Equal(AppState.UpToDate, check.State));

        File.AppendAllText(AppGenerator.AppPath(first), "// edited by hand\n");
        File.Delete(second.Path);
        IReadOnlyList<AppCheck> checks = AppWriter.Check(notebooks, _root, filter: null);

        Assert.Equal(AppState.OutOfDate, checks.Single(check => check.AppPath == AppGenerator.AppPath(first)).State);
        Assert.Equal(AppState.Orphaned, checks.Single(check => check.AppPath == AppGenerator.AppPath(second)).State);
        Assert.DoesNotContain(checks, check => check.AppPath == handWritten);

        var log = new StringWriter();
        AppWriter.Apply(checks, _root, log);

        Assert.False(File.Exists(AppGenerator.AppPath(second)));
        Assert.True(File.Exists(handWritten));
        Assert.Contains("notebooks/en/01-first.cs: written", log.ToString());
        Assert.Contains("notebooks/en/02-second.cs: deleted", log.ToString());
    }

    [Fact]
    public void Check_IgnoresLineEnds()
    {
        string notebooks = Path.Combine(_root, "notebooks");
        NotebookLocation notebook = WriteNotebook("ja", "04-sample", "#!import ../setup.dib", "Console.WriteLine(4);");
        string app = AppGenerator.Generate(notebook, _root).Source;
        File.WriteAllText(AppGenerator.AppPath(notebook), app.Replace("\n", "\r\n", StringComparison.Ordinal));

        AppCheck check = Assert.Single(AppWriter.Check(notebooks, _root, filter: null));

        Assert.Equal(AppState.UpToDate, check.State);
    }

    [Fact]
    public void Apply_NotesWrappedExpressions()
    {
        string notebooks = Path.Combine(_root, "notebooks");
        WriteNotebook("en", "03-sample", "#!import ../setup.dib", "1 + 1");
        WriteNotebook("ja", "03-sample", "#!import ../setup.dib", "class Box { }");
        var log = new StringWriter();

        int failed = AppWriter.Apply(AppWriter.Check(notebooks, _root, filter: null), _root, log);

        Assert.Equal(1, failed);
        Assert.Matches(NoteLine(), log.ToString());
        Assert.Contains("notebooks/ja/03-sample.cs: FAILED: ja/03-sample cell 2, line 1", log.ToString());
        Assert.False(File.Exists(Path.Combine(notebooks, "ja", "03-sample.cs")));
    }

    private NotebookLocation WriteNotebook(string language, string name, params string[] codeCells)
    {
        string path = Path.Combine(_root, "notebooks", language, name + ".ipynb");
        TestNotebooks.WriteCodeNotebook(path, codeCells);
        return new NotebookLocation(language, path);
    }

    [GeneratedRegex(@"note: cell 2 ends in an expression without a semicolon")]
    private static partial Regex NoteLine();
}
