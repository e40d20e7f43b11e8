using System.Globalization;
using System.Resources;

namespace BatchTutorial.Plots;

/// <summary>
/// Feedback texts of <see cref="Exercises"/>, read from Resources/ExerciseText.resx (English) and
/// ExerciseText.ja.resx (Japanese).
/// </summary>
public static class ExerciseText
{
    private static readonly ResourceManager Resources = new("BatchTutorial.Plots.Resources.ExerciseText", typeof(ExerciseText).Assembly);

    internal const string Correct = nameof(Correct);
    internal const string Wrong = nameof(Wrong);
    internal const string UpdateCountExplained = nameof(UpdateCountExplained);
    internal const string UpdateCountOneEpoch = nameof(UpdateCountOneEpoch);
    internal const string UpdateCountDroppedLast = nameof(UpdateCountDroppedLast);
    internal const string UpdateCountHint = nameof(UpdateCountHint);
    internal const string DropLastExplained = nameof(DropLastExplained);
    internal const string DropLastKeptLast = nameof(DropLastKeptLast);
    internal const string DropLastHint = nameof(DropLastHint);
    internal const string OnlineExplained = nameof(OnlineExplained);
    internal const string OnlineHint = nameof(OnlineHint);
    internal const string ShuffleExplained = nameof(ShuffleExplained);
    internal const string ShuffleUpdatesUnchanged = nameof(ShuffleUpdatesUnchanged);
    internal const string ShuffleRowSetUnchanged = nameof(ShuffleRowSetUnchanged);
    internal const string ShuffleBatchSizeUnchanged = nameof(ShuffleBatchSizeUnchanged);
    internal const string ShuffleUnknownChoice = nameof(ShuffleUnknownChoice);
    internal const string DivisorExplained = nameof(DivisorExplained);
    internal const string DivisorMismatch = nameof(DivisorMismatch);
    internal const string DivisorNotPositive = nameof(DivisorNotPositive);
    internal const string DivisorThrew = nameof(DivisorThrew);
    internal const string FastestExplained = nameof(FastestExplained);
    internal const string FastestNotInTable = nameof(FastestNotInTable);
    internal const string FastestNotReached = nameof(FastestNotReached);
    internal const string FastestSlower = nameof(FastestSlower);
    internal const string NoRowReachedTarget = nameof(NoRowReachedTarget);

    /// <summary>The name of every text, for tests that check both languages carry each one.</summary>
    public static IReadOnlyList<string> Keys { get; } = [
        Correct, Wrong,
        UpdateCountExplained, UpdateCountOneEpoch, UpdateCountDroppedLast, UpdateCountHint,
        DropLastExplained, DropLastKeptLast, DropLastHint,
        OnlineExplained, OnlineHint,
        ShuffleExplained, ShuffleUpdatesUnchanged, ShuffleRowSetUnchanged, ShuffleBatchSizeUnchanged, ShuffleUnknownChoice,
        DivisorExplained, DivisorMismatch, DivisorNotPositive, DivisorThrew,
        FastestExplained, FastestNotInTable, FastestNotReached, FastestSlower, NoRowReachedTarget,
    ];

    /// <summary>Returns the text <paramref name="key"/> in <paramref name="language"/>, filled with <paramref name="args"/> (numbers in invariant form).</summary>
    internal static string Format(string key, Language language, params object?[] args)
    {
        CultureInfo culture = Languages.ToCulture(language);
        string template = Resources.GetString(key, culture)
            ?? throw new KeyNotFoundException($"No exercise text is named \"{key}\". ExerciseText.Keys lists the names.");
        return string.Format(CultureInfo.InvariantCulture, template, args);
    }
}
