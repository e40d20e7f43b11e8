using System.Globalization;
using System.Resources;

namespace BatchTutorial.Plots;

/// <summary>
/// Error messages of the chart builders, read from Resources/ChartErrors.resx (English) and ChartErrors.ja.resx
/// (Japanese) for <see cref="CultureInfo.CurrentUICulture"/>, like the messages of the core library.
/// </summary>
public static class ChartErrors
{
    private static readonly ResourceManager Resources = new("BatchTutorial.Plots.Resources.ChartErrors", typeof(ChartErrors).Assembly);

    internal const string UnknownLanguage = nameof(UnknownLanguage);
    internal const string UnknownChartText = nameof(UnknownChartText);
    internal const string UnknownXAxis = nameof(UnknownXAxis);
    internal const string NoHistories = nameof(NoHistories);
    internal const string NullHistory = nameof(NullHistory);
    internal const string NoEpochMetrics = nameof(NoEpochMetrics);
    internal const string NoUpdateRecords = nameof(NoUpdateRecords);
    internal const string NoTrajectory = nameof(NoTrajectory);
    internal const string NeedsTwoWeights = nameof(NeedsTwoWeights);
    internal const string NoSecondsPerUpdate = nameof(NoSecondsPerUpdate);
    internal const string EmptyText = nameof(EmptyText);
    internal const string LengthMismatch = nameof(LengthMismatch);
    internal const string EmptySeries = nameof(EmptySeries);
    internal const string InvalidRange = nameof(InvalidRange);
    internal const string MustBeAtLeast = nameof(MustBeAtLeast);
    internal const string NotPositiveForLogAxis = nameof(NotPositiveForLogAxis);
    internal const string MustBeFinite = nameof(MustBeFinite);
    internal const string NoHeaders = nameof(NoHeaders);
    internal const string UnknownColumn = nameof(UnknownColumn);

    /// <summary>The name of every message, for tests that check both languages carry each one.</summary>
    public static IReadOnlyList<string> Keys { get; } = [
        UnknownLanguage, UnknownChartText, UnknownXAxis, NoHistories, NullHistory, NoEpochMetrics, NoUpdateRecords,
        NoTrajectory, NeedsTwoWeights, NoSecondsPerUpdate, EmptyText, LengthMismatch, EmptySeries, InvalidRange,
        MustBeAtLeast, NotPositiveForLogAxis, MustBeFinite, NoHeaders, UnknownColumn,
    ];

    /// <summary>Returns the message <paramref name="key"/> in the current UI culture, filled with <paramref name="args"/>.</summary>
    public static string Format(string key, params object?[] args)
    {
        CultureInfo culture = CultureInfo.CurrentUICulture;
        string template = Resources.GetString(key, culture) ?? throw new KeyNotFoundException(key);
        return string.Format(culture, template, args);
    }
}
