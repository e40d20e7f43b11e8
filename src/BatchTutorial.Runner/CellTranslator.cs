using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BatchTutorial.Runner;

/// <summary>
/// One code cell rewritten as top-level statements of a file-based app.
/// </summary>
/// <param name="Usings">The cell's using directives, which a C# file must place before its first statement.</param>
/// <param name="Body">The cell's statements and local functions, with a trailing expression turned into <c>display(…);</c>.</param>
/// <param name="WrappedTrailingExpression">Whether the cell ended in an expression without a semicolon, which the kernel displays.</param>
/// <param name="CallsDisplay">Whether the body calls <c>display</c>, so the app needs its own <c>display</c> function.</param>
internal sealed record TranslatedCell(IReadOnlyList<string> Usings, string Body, bool WrappedTrailingExpression, bool CallsDisplay);

/// <summary>
/// Turns the C# of a notebook code cell, which the kernel compiles as a script submission, into statements that
/// compile in one top-level program.
/// </summary>
/// <remarks>
/// The cell is parsed as a C# script, the form the .NET Interactive kernel compiles. Script-only forms are rewritten
/// where a top-level program has an equivalent: using directives are returned separately, and a last expression
/// without a semicolon, whose value the kernel shows, becomes <c>display(expression);</c>. Forms without an
/// equivalent (type declarations, <c>#r</c>, <c>#load</c>, magic commands) are rejected.
/// </remarks>
internal static class CellTranslator
{
    private static readonly CSharpParseOptions ScriptOptions = CSharpParseOptions.Default
        .WithKind(SourceCodeKind.Script)
        .WithLanguageVersion(LanguageVersion.Latest);

    // Kernel directives that have no meaning in a C# file: magic commands (#!…), package and assembly
    // references (#r, #i) and script loading (#load).
    private static readonly string[] KernelDirectivePrefixes = ["#!", "#r ", "#r\t", "#i ", "#i\t", "#load"];

    /// <summary>
    /// Translates one cell.
    /// </summary>
    /// <param name="source">The cell's source.</param>
    /// <param name="where">Names the notebook and cell in error messages, e.g. "en/03-x cell 4".</param>
    /// <exception cref="InvalidDataException">The cell does not parse, or uses a form that a top-level program cannot contain.</exception>
    public static TranslatedCell Translate(string source, string where)
    {
        string text = source.Replace("\r\n", "\n", StringComparison.Ordinal);
        RejectKernelDirectives(text, where);

        SyntaxTree tree = CSharpSyntaxTree.ParseText(text, ScriptOptions);
        var root = (CompilationUnitSyntax)tree.GetRoot();
        Diagnostic[] errors = tree.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidDataException($"{where} does not parse as C#: {string.Join("; ", errors.Select(error => error.ToString()))}");
        }

        RejectUnsupportedMembers(root, where);

        var changes = new List<TextChange>();
        var usings = new List<string>();
        foreach (UsingDirectiveSyntax directive in root.Usings)
        {
            usings.Add(directive.WithoutTrivia().ToString());
            changes.Add(new TextChange(directive.FullSpan, ""));
        }

        bool wrapped = false;
        if (root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } last })
        {
            // NOTE: a void call without a semicolon (`Console.WriteLine("x")`) also lands here. Its `display(...)` does
            // not compile, and the build error points at a line under the app's "// ---- cell N ----" comment.
            changes.Add(new TextChange(last.Expression.Span, $"display({last.Expression});"));
            wrapped = true;
        }

        string body = SourceText.From(text).WithChanges(changes).ToString();
        bool callsDisplay = wrapped || root.DescendantNodes().OfType<IdentifierNameSyntax>().Any(name => name.Identifier.ValueText == "display");
        return new TranslatedCell(usings, TrimBlankLines(body), wrapped, callsDisplay);
    }

    private static void RejectKernelDirectives(string text, string where)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimStart();
            if (KernelDirectivePrefixes.Any(prefix => line.StartsWith(prefix, StringComparison.Ordinal)))
            {
                throw new InvalidDataException(
                    $"{where}, line {i + 1}: '{line.Trim()}' is a kernel directive that a C# file cannot contain. "
                    + "Only the first code cell may use one (`#!import ../setup.dib`); load packages and namespaces there.");
            }
        }
    }

    private static void RejectUnsupportedMembers(CompilationUnitSyntax root, string where)
    {
        if (root.Externs.Count > 0 || root.AttributeLists.Count > 0)
        {
            throw new InvalidDataException($"{where}: extern aliases and assembly attributes cannot be part of the app's top-level statements.");
        }

        foreach (MemberDeclarationSyntax member in root.Members)
        {
            // A script's top-level variables parse as fields and its top-level functions as methods. Their text
            // is also valid as local declarations and local functions of a top-level program.
            if (member is GlobalStatementSyntax or FieldDeclarationSyntax or MethodDeclarationSyntax)
            {
                continue;
            }

            int line = member.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            string kind = member switch
            {
                BaseTypeDeclarationSyntax or DelegateDeclarationSyntax => "declares a type",
                BaseNamespaceDeclarationSyntax => "declares a namespace",
                _ => $"declares a {member.Kind()} member",
            };
            throw new InvalidDataException(
                $"{where}, line {line}: the cell {kind}, which the kernel wraps in its submission class but a top-level "
                + "program cannot contain between statements. Use tuples, anonymous types, arrays, local functions or library types.");
        }
    }

    private static string TrimBlankLines(string text)
    {
        string[] lines = text.Split('\n');
        int first = 0;
        while (first < lines.Length && string.IsNullOrWhiteSpace(lines[first]))
        {
            first++;
        }

        int last = lines.Length - 1;
        while (last >= first && string.IsNullOrWhiteSpace(lines[last]))
        {
            last--;
        }

        return string.Join('\n', lines[first..(last + 1)]);
    }
}
