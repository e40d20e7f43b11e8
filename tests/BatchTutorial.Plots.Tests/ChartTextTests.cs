using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace BatchTutorial.Plots.Tests;

[Collection(CultureCollection.Name)]
public class ChartTextTests
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja");

    // Japanese characters: CJK punctuation, hiragana, katakana, CJK ideographs and full-width forms.
    private static readonly Regex JapaneseText = new(@"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]");

    [Theory]
    [InlineData("BatchTutorial.Plots.Resources.ChartText")]
    [InlineData("BatchTutorial.Plots.Resources.ChartErrors")]
    public void Both_languages_carry_exactly_the_listed_keys(string resource)
    {
        var manager = new ResourceManager(resource, typeof(ChartText).Assembly);
        IReadOnlyList<string> listed = resource.EndsWith("ChartText") ? ChartText.Keys : ChartErrors.Keys;

        Assert.Equal(listed.Order(), Entries(manager, CultureInfo.InvariantCulture).Keys.Order());
        Assert.Equal(listed.Order(), Entries(manager, Japanese).Keys.Order());
    }

    [Theory]
    [InlineData("BatchTutorial.Plots.Resources.ChartText")]
    [InlineData("BatchTutorial.Plots.Resources.ChartErrors")]
    public void Japanese_entries_are_written_in_Japanese(string resource)
    {
        var manager = new ResourceManager(resource, typeof(ChartText).Assembly);

        // The legend format "{0} ({1})" is the same in both languages.
        foreach ((string key, string text) in Entries(manager, Japanese).Where(e => e.Key != ChartText.LegendEntry))
        {
            Assert.True(JapaneseText.IsMatch(text), $"{key}: \"{text}\" has no Japanese characters");
        }
    }

    [Theory]
    [InlineData("BatchTutorial.Plots.Resources.ChartText")]
    [InlineData("BatchTutorial.Plots.Resources.ChartErrors")]
    public void English_entries_have_no_Japanese(string resource)
    {
        var manager = new ResourceManager(resource, typeof(ChartText).Assembly);

        foreach ((string key, string text) in Entries(manager, CultureInfo.InvariantCulture))
        {
            Assert.False(JapaneseText.IsMatch(text), $"{key}: \"{text}\" contains Japanese characters");
        }
    }

    [Theory]
    [InlineData(ChartText.FullBatchLearning, "バッチ学習（フルバッチ学習）")]
    [InlineData(ChartText.OnlineLearning, "オンライン学習")]
    [InlineData(ChartText.MiniBatchLearning, "ミニバッチ学習")]
    [InlineData(ChartText.TrainingData, "訓練データ")]
    [InlineData(ChartText.TestData, "テストデータ")]
    [InlineData(ChartText.BatchSize, "バッチサイズ B（行）")]
    public void Japanese_terms_are_exact(string key, string expected)
    {
        Assert.Equal(expected, ChartText.Get(key, Language.Japanese));
    }

    [Theory]
    [InlineData(40, "Full-batch learning (B = 40)", "バッチ学習（フルバッチ学習） (B = 40)")]
    [InlineData(1000, "Full-batch learning (B = 40)", "バッチ学習（フルバッチ学習） (B = 40)")]
    [InlineData(1, "Online learning (B = 1)", "オンライン学習 (B = 1)")]
    [InlineData(32, "Mini-batch learning (B = 32)", "ミニバッチ学習 (B = 32)")]
    public void Legend_name_includes_batch_size(int batchSize, string english, string japanese)
    {
        TrainingHistory history = Runs.Run(batchSize, trajectory: false, test: false);

        Assert.Equal(english, ChartText.LegendName(history, Language.English));
        Assert.Equal(japanese, ChartText.LegendName(history, Language.Japanese));
    }

    [Theory]
    [InlineData("ja", Language.Japanese)]
    [InlineData("ja-JP", Language.Japanese)]
    [InlineData("en-US", Language.English)]
    [InlineData("fr-FR", Language.English)]
    [InlineData("", Language.English)]
    public void Culture_picks_the_language(string culture, Language expected)
    {
        Assert.Equal(expected, Languages.FromCulture(CultureInfo.GetCultureInfo(culture)));
    }

    [Fact]
    public void Default_language_follows_the_UI_culture()
    {
        CultureInfo saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
            Assert.Equal("損失（nat）", ChartText.Get(ChartText.Loss));
            Assert.Equal("損失（nat）", ChartJson.Of(Charts.LossCurves(Runs.Three)).YTitle);

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
            Assert.Equal("Loss (nats)", ChartText.Get(ChartText.Loss));
            Assert.Equal("Loss (nats)", ChartJson.Of(Charts.LossCurves(Runs.Three)).YTitle);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Explicit_language_overrides_the_UI_culture()
    {
        CultureInfo saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
            Assert.Equal("Loss (nats)", ChartJson.Of(Charts.LossCurves(Runs.Three, language: Language.English)).YTitle);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Errors_follow_the_UI_culture()
    {
        CultureInfo saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
            var error = Assert.Throws<ArgumentException>(() => Charts.LossCurves([], language: Language.English));
            Assert.Contains("が空です", error.Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Unknown_key_is_reported()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ChartText.Get("NoSuchLabel", Language.English));

        Assert.Contains("NoSuchLabel", error.Message);
    }

    /// <summary>Returns the entries stored for exactly <paramref name="culture"/>, without falling back to a parent.</summary>
    private static Dictionary<string, string> Entries(ResourceManager manager, CultureInfo culture)
    {
        ResourceSet? set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CultureCollection
{
    public const string Name = "UI culture";
}
