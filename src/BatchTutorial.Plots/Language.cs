using System.Globalization;

namespace BatchTutorial.Plots;

/// <summary>The language of chart labels: titles, axis titles, trace names and menu labels.</summary>
public enum Language
{
    /// <summary>Japanese labels, from Resources/ChartText.ja.resx.</summary>
    Japanese,

    /// <summary>English labels, from Resources/ChartText.resx.</summary>
    English,
}

/// <summary>Conversions between <see cref="Language"/> and .NET cultures.</summary>
public static class Languages
{
    private static readonly CultureInfo JapaneseCulture = CultureInfo.GetCultureInfo("ja");

    /// <summary>Returns Japanese for any culture whose language is Japanese ("ja", "ja-JP"), English for every other culture.</summary>
    public static Language FromCulture(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "ja" ? Language.Japanese : Language.English;
    }

    /// <summary>Returns the language of <see cref="CultureInfo.CurrentUICulture"/>: the default of every chart builder.</summary>
    public static Language Current => FromCulture(CultureInfo.CurrentUICulture);

    /// <summary>Returns the culture whose resources hold the labels of <paramref name="language"/>.</summary>
    public static CultureInfo ToCulture(Language language) => language switch
    {
        Language.Japanese => JapaneseCulture,
        Language.English => CultureInfo.InvariantCulture,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, ChartErrors.Format(ChartErrors.UnknownLanguage, language)),
    };
}
