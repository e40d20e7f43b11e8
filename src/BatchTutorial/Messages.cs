using System.Globalization;
using System.Resources;

namespace BatchTutorial;

/// <summary>
/// The library's user-facing messages, read from Resources/Messages.resx (English) and Messages.ja.resx
/// (Japanese) for <see cref="CultureInfo.CurrentUICulture"/>.
/// </summary>
public static class Messages
{
    private static readonly ResourceManager Resources = new("BatchTutorial.Resources.Messages", typeof(Messages).Assembly);

    internal const string MustBePositive = nameof(MustBePositive);
    internal const string MustBeAtLeast = nameof(MustBeAtLeast);
    internal const string MustBeInRange = nameof(MustBeInRange);
    internal const string MustNotBeNegative = nameof(MustNotBeNegative);
    internal const string MustBePositiveFinite = nameof(MustBePositiveFinite);
    internal const string MustBeFinite = nameof(MustBeFinite);
    internal const string MustBeFraction = nameof(MustBeFraction);
    internal const string MustNotBeEmpty = nameof(MustNotBeEmpty);
    internal const string LengthMismatch = nameof(LengthMismatch);
    internal const string WrongLength = nameof(WrongLength);
    internal const string ElementNotFinite = nameof(ElementNotFinite);
    internal const string LabelNotBinary = nameof(LabelNotBinary);
    internal const string NotMultipleOfColumns = nameof(NotMultipleOfColumns);
    internal const string CsvFieldCount = nameof(CsvFieldCount);
    internal const string CsvNotANumber = nameof(CsvNotANumber);
    internal const string CsvBadHeader = nameof(CsvBadHeader);
    internal const string CsvRowCount = nameof(CsvRowCount);
    internal const string StratifyNeedsBothClasses = nameof(StratifyNeedsBothClasses);
    internal const string SessionFinished = nameof(SessionFinished);
    internal const string CsvValueNotFinite = nameof(CsvValueNotFinite);
    internal const string CsvLabelNotBinary = nameof(CsvLabelNotBinary);
    internal const string RowFileBadHeader = nameof(RowFileBadHeader);
    internal const string RowFileColumnMismatch = nameof(RowFileColumnMismatch);
    internal const string RowFileTruncated = nameof(RowFileTruncated);
    internal const string RowFileValueNotFinite = nameof(RowFileValueNotFinite);
    internal const string RowFileLabelNotBinary = nameof(RowFileLabelNotBinary);
    internal const string RowFileEmpty = nameof(RowFileEmpty);
    internal const string StreamingNeedsFileOrder = nameof(StreamingNeedsFileOrder);

    /// <summary>Returns the message <paramref name="key"/> in the current UI culture, filled with <paramref name="args"/>.</summary>
    public static string Format(string key, params object?[] args)
    {
        CultureInfo culture = CultureInfo.CurrentUICulture;
        string template = Resources.GetString(key, culture) ?? throw new KeyNotFoundException(key);
        return string.Format(culture, template, args);
    }

    /// <summary>Returns the names of every message, for tests that check both languages carry each one.</summary>
    public static IReadOnlyList<string> Keys { get; } = [
        MustBePositive,
        MustBeAtLeast,
        MustBeInRange,
        MustNotBeNegative,
        MustBePositiveFinite,
        MustBeFinite,
        MustBeFraction,
        MustNotBeEmpty,
        LengthMismatch,
        WrongLength,
        ElementNotFinite,
        LabelNotBinary,
        NotMultipleOfColumns,
        CsvFieldCount,
        CsvNotANumber,
        CsvBadHeader,
        CsvRowCount,
        StratifyNeedsBothClasses,
        SessionFinished,
        CsvValueNotFinite,
        CsvLabelNotBinary,
        RowFileBadHeader,
        RowFileColumnMismatch,
        RowFileTruncated,
        RowFileValueNotFinite,
        RowFileLabelNotBinary,
        RowFileEmpty,
        StreamingNeedsFileOrder,
    ];
}
