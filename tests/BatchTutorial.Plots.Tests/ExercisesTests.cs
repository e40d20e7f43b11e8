using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace BatchTutorial.Plots.Tests;

/// <summary>
/// The checkers of lesson 07: each reference solution passes, wrong answers fail, and the feedback is in the
/// requested language. The reference solutions here are the ones the lesson's answer section gives.
/// </summary>
[Collection(CultureCollection.Name)]
public class ExercisesTests
{
    private const string JapaneseCorrect = "正解です。";
    private const string JapaneseWrong = "まだ正解ではありません。ヒント: ";
    private const string EnglishCorrect = "Correct. ";
    private const string EnglishWrong = "Not correct yet. Hint: ";

    private static readonly Regex JapaneseText = new(@"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]");

    // Batch sizes and seconds to a target loss, as a notebook measures them; B = 455 (full batch) never got there.
    private static readonly int[] MeasuredBatchSizes = [1, 8, 32, 128, 455];
    private static readonly double[] MeasuredSeconds = [0.012, 0.004, 0.006, 0.009, double.PositiveInfinity];

    public static IEnumerable<object[]> BothLanguages() => Runs.BothLanguages();

    [Theory]
    [MemberData(nameof(BothLanguages))]
    public void Update_count_accepts_39(Language language)
    {
        ExerciseResult result = Exercises.CheckUpdateCount(39, language);

        AssertCorrect(result, language);
        Assert.Contains("39", result.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(36)]
    [InlineData(37)]
    public void Update_count_rejects_other_counts(long answer)
    {
        AssertWrong(Exercises.CheckUpdateCount(answer, Language.Japanese), Language.Japanese);
        AssertWrong(Exercises.CheckUpdateCount(answer, Language.English), Language.English);
    }

    [Fact]
    public void Update_count_hints_at_one_epoch()
    {
        Assert.Contains("3 epochs", Exercises.CheckUpdateCount(13, Language.English).Message);
        Assert.Contains("3 エポック", Exercises.CheckUpdateCount(13, Language.Japanese).Message);
    }

    [Fact]
    public void Update_count_hints_at_last_short_batch()
    {
        // 1234 = 12 × 100 + 34: forgetting the short batch gives 36 over three epochs.
        Assert.Contains("34 rows", Exercises.CheckUpdateCount(36, Language.English).Message);
        Assert.Contains("34 行", Exercises.CheckUpdateCount(36, Language.Japanese).Message);
    }

    [Theory]
    [MemberData(nameof(BothLanguages))]
    public void Drop_last_count_accepts_3(Language language)
    {
        AssertCorrect(Exercises.CheckDropLastBatchCount(3, language), language);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(300)]
    public void Drop_last_count_rejects_other_counts(int answer)
    {
        AssertWrong(Exercises.CheckDropLastBatchCount(answer, Language.Japanese), Language.Japanese);
        AssertWrong(Exercises.CheckDropLastBatchCount(answer, Language.English), Language.English);
    }

    [Fact]
    public void Drop_last_hint_names_the_kept_batch()
    {
        Assert.Contains("100 rows", Exercises.CheckDropLastBatchCount(4, Language.English).Message);
        Assert.Contains("100 行", Exercises.CheckDropLastBatchCount(4, Language.Japanese).Message);
    }

    [Theory]
    [MemberData(nameof(BothLanguages))]
    public void Online_samples_accepts_1(Language language)
    {
        AssertCorrect(Exercises.CheckOnlineSamplesPerUpdate(1, language), language);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(1000)]
    public void Online_samples_rejects_other_counts(int answer)
    {
        AssertWrong(Exercises.CheckOnlineSamplesPerUpdate(answer, Language.Japanese), Language.Japanese);
        AssertWrong(Exercises.CheckOnlineSamplesPerUpdate(answer, Language.English), Language.English);
    }

    [Theory]
    [InlineData('a', Language.Japanese)]
    [InlineData('A', Language.English)]
    public void Shuffle_choice_accepts_a(char answer, Language language)
    {
        AssertCorrect(Exercises.CheckShuffleChange(answer, language), language);
    }

    [Theory]
    [InlineData('b')]
    [InlineData('c')]
    [InlineData('d')]
    [InlineData('?')]
    [InlineData('e')]
    public void Shuffle_choice_rejects_other_letters(char answer)
    {
        AssertWrong(Exercises.CheckShuffleChange(answer, Language.Japanese), Language.Japanese);
        AssertWrong(Exercises.CheckShuffleChange(answer, Language.English), Language.English);
    }

    [Fact]
    public void Shuffle_choice_gives_a_hint_per_letter()
    {
        string[] hints = "bcd?".Select(letter => Exercises.CheckShuffleChange(letter, Language.English).Message).ToArray();

        Assert.Equal(hints.Length, hints.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(BothLanguages))]
    public void Divisor_accepts_rows_in_batch(Language language)
    {
        ExerciseResult result = Exercises.CheckBatchDivisor((batchSize, rows) => rows, language);

        AssertCorrect(result, language);
    }

    [Fact]
    public void Divisor_accepts_batch_size_capped_at_rows()
    {
        // Math.Min(B, m) is m for every batch, so it is the same loop written another way.
        AssertCorrect(Exercises.CheckBatchDivisor((batchSize, rows) => Math.Min(batchSize, rows), Language.English), Language.English);
    }

    [Theory]
    [MemberData(nameof(BothLanguages))]
    public void Divisor_rejects_nominal_batch_size(Language language)
    {
        ExerciseResult result = Exercises.CheckBatchDivisor((batchSize, rows) => batchSize, language);

        AssertWrong(result, language);
        // 50 rows in batches of 16: the fourth batch contains 2 rows, and the placeholder divides it by 16.
        Assert.Contains(language == Language.English ? "Batch 4 holds 2 rows" : "バッチ 4 には 2 行", result.Message);
        Assert.Contains("16", result.Message);
    }

    [Fact]
    public void Divisor_rejects_zero()
    {
        ExerciseResult result = Exercises.CheckBatchDivisor((batchSize, rows) => 0, Language.English);

        AssertWrong(result, Language.English);
        Assert.Contains("at least 1", result.Message);
    }

    [Fact]
    public void Divisor_reports_an_exception()
    {
        ExerciseResult result = Exercises.CheckBatchDivisor((batchSize, rows) => throw new NotImplementedException("not written yet"), Language.Japanese);

        AssertWrong(result, Language.Japanese);
        Assert.Contains(nameof(NotImplementedException), result.Message);
        Assert.Contains("not written yet", result.Message);
    }

    [Theory]
    [MemberData(nameof(BothLanguages))]
    public void Fastest_accepts_fewest_seconds(Language language)
    {
        ExerciseResult result = Exercises.CheckFastestBatchSize(8, MeasuredBatchSizes, MeasuredSeconds, language);

        AssertCorrect(result, language);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(32)]
    [InlineData(455)]
    [InlineData(64)]
    public void Fastest_rejects_other_batch_sizes(int answer)
    {
        AssertWrong(Exercises.CheckFastestBatchSize(answer, MeasuredBatchSizes, MeasuredSeconds, Language.Japanese), Language.Japanese);
        AssertWrong(Exercises.CheckFastestBatchSize(answer, MeasuredBatchSizes, MeasuredSeconds, Language.English), Language.English);
    }

    [Fact]
    public void Fastest_accepts_either_of_a_tie()
    {
        double[] seconds = [0.5, 0.2, 0.2];
        int[] sizes = [1, 8, 32];

        Assert.True(Exercises.CheckFastestBatchSize(8, sizes, seconds, Language.English).Correct);
        Assert.True(Exercises.CheckFastestBatchSize(32, sizes, seconds, Language.English).Correct);
    }

    [Fact]
    public void Fastest_rejects_table_without_finite_seconds()
    {
        var error = Assert.Throws<ArgumentException>(() => Exercises.CheckFastestBatchSize(1, [1, 2], [double.NaN, double.PositiveInfinity], Language.English));

        Assert.Contains("secondsToTarget", error.Message);
    }

    [Fact]
    public void Fastest_rejects_lists_of_different_lengths()
    {
        Assert.Throws<ArgumentException>(() => Exercises.CheckFastestBatchSize(1, [1, 2], [0.1], Language.English));
    }

    [Fact]
    public void Default_language_follows_the_UI_culture()
    {
        CultureInfo saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
            AssertWrong(Exercises.CheckUpdateCount(0), Language.Japanese);
            AssertCorrect(Exercises.CheckBatchDivisor((batchSize, rows) => rows), Language.Japanese);

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            AssertWrong(Exercises.CheckUpdateCount(0), Language.English);
            AssertCorrect(Exercises.CheckBatchDivisor((batchSize, rows) => rows), Language.English);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Both_languages_carry_exactly_the_listed_keys()
    {
        var manager = new ResourceManager("BatchTutorial.Plots.Resources.ExerciseText", typeof(ExerciseText).Assembly);

        Assert.Equal(ExerciseText.Keys.Order(), Entries(manager, CultureInfo.InvariantCulture).Keys.Order());
        Assert.Equal(ExerciseText.Keys.Order(), Entries(manager, CultureInfo.GetCultureInfo("ja")).Keys.Order());
    }

    private static void AssertCorrect(ExerciseResult result, Language language)
    {
        Assert.True(result.Correct, result.Message);
        Assert.StartsWith(language == Language.Japanese ? JapaneseCorrect : EnglishCorrect, result.Message);
        AssertLanguage(result.Message, language);
    }

    private static void AssertWrong(ExerciseResult result, Language language)
    {
        Assert.False(result.Correct, result.Message);
        Assert.StartsWith(language == Language.Japanese ? JapaneseWrong : EnglishWrong, result.Message);
        AssertLanguage(result.Message, language);
    }

    private static void AssertLanguage(string message, Language language)
    {
        if (language == Language.Japanese)
        {
            Assert.Matches(JapaneseText, message);
        }
        else
        {
            Assert.DoesNotMatch(JapaneseText, message);
        }
    }

    private static Dictionary<string, string> Entries(ResourceManager manager, CultureInfo culture)
    {
        ResourceSet? set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }
}
