using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// Checks the prose of the Japanese notebooks against the kit's glossary: no forbidden spellings of its terms, and no
/// untranslated English (six or more English words in a row outside code, links, HTML tags and maths).
/// </summary>
public partial class JapaneseProseTests
{
    private static readonly string[] ForbiddenSpellings = ["グラデーション", "グラディエント", "ミニ・バッチ", "バッチ・サイズ"];

    public static TheoryData<string> JapaneseNotebooks()
    {
        string root = RepositoryLayout.FindRoot(AppContext.BaseDirectory);
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(Path.Combine(root, "notebooks", "ja"), "*.ipynb").Order())
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(JapaneseNotebooks))]
    public void Markdown_avoids_forbidden_spellings(string notebook)
    {
        foreach ((int cell, string text) in MarkdownCells(notebook))
        {
            foreach (string spelling in ForbiddenSpellings)
            {
                Assert.False(text.Contains(spelling, StringComparison.Ordinal), $"ja/{notebook} cell {cell} uses {spelling}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(JapaneseNotebooks))]
    public void Markdown_has_no_untranslated_english(string notebook)
    {
        foreach ((int cell, string text) in MarkdownCells(notebook))
        {
            string prose = StripNonProse(text);
            Match run = EnglishRun().Match(prose);

            Assert.False(run.Success, $"ja/{notebook} cell {cell} has untranslated English: \"{run.Value}\"");
        }
    }

    [Fact]
    public void English_run_detector_finds_a_sentence()
    {
        // The detector must fire on plain English prose and stay quiet on code, links and maths.
        Assert.Matches(EnglishRun(), StripNonProse("説明: this sentence was left in English by mistake."));
        Assert.DoesNotMatch(EnglishRun(), StripNonProse("`for i in range(0, len(X), batch_size)` と [the numpy tutorial loop here](x.ipynb) と $a + b + c + d + e + f$"));
        Assert.DoesNotMatch(EnglishRun(), StripNonProse("**バッチ学習**（full-batch learning, batch gradient descent）"));
    }

    internal static string StripNonProse(string markdown)
    {
        string text = FencedCode().Replace(markdown, " ");
        text = InlineCode().Replace(text, " ");
        text = DisplayMath().Replace(text, " ");
        text = InlineMath().Replace(text, " ");
        text = Link().Replace(text, " ");
        text = Url().Replace(text, " ");
        return HtmlTag().Replace(text, " ");
    }

    private static IEnumerable<(int Cell, string Text)> MarkdownCells(string notebook)
    {
        string root = RepositoryLayout.FindRoot(AppContext.BaseDirectory);
        JsonNode document = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "notebooks", "ja", notebook)))!;
        JsonArray cells = document["cells"]!.AsArray();
        for (int i = 0; i < cells.Count; i++)
        {
            JsonNode cell = cells[i]!;
            if ((string?)cell["cell_type"] == "markdown")
            {
                yield return (i + 1, ChartOutput.JoinLines(cell["source"]));
            }
        }
    }

    [GeneratedRegex(@"\b[A-Za-z][A-Za-z'’-]*(?:[ \t]*[,;:]?[ \t]+[A-Za-z][A-Za-z'’-]*){5,}")]
    private static partial Regex EnglishRun();

    [GeneratedRegex(@"```.*?```", RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\$\$.*?\$\$", RegexOptions.Singleline)]
    private static partial Regex DisplayMath();

    [GeneratedRegex(@"\$[^$\n]+\$")]
    private static partial Regex InlineMath();

    [GeneratedRegex(@"!?\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex HtmlTag();
}
