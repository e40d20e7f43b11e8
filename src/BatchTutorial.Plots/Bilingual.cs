namespace BatchTutorial.Plots;

/// <summary>
/// Picks the Japanese or the English form of a text by <see cref="Languages.Current"/>, so that a notebook's code
/// cells stay identical in notebooks/ja and notebooks/en while what they print follows the notebook's language.
/// </summary>
public static class Bilingual
{
    /// <summary>Returns <paramref name="japanese"/> when the current UI culture is Japanese, else <paramref name="english"/>.</summary>
    public static string Pick(string japanese, string english)
    {
        ArgumentNullException.ThrowIfNull(japanese);
        ArgumentNullException.ThrowIfNull(english);
        return Languages.Current == Language.Japanese ? japanese : english;
    }
}
