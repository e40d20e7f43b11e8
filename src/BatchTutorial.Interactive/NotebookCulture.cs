using System.Globalization;

namespace BatchTutorial.Interactive;

/// <summary>
/// Selects the UI culture of a notebook from the name of the folder it lives in:
/// <c>notebooks/ja</c> gives ja-JP and <c>notebooks/en</c> gives en-US.
/// </summary>
public static class NotebookCulture
{
    /// <summary>
    /// Maps a notebook folder to its UI culture.
    /// </summary>
    /// <param name="notebookDirectory">The folder that contains the notebook, usually the kernel's current directory.</param>
    /// <returns>The culture for the folder, or <c>null</c> when the folder name is neither <c>ja</c> nor <c>en</c>.</returns>
    public static CultureInfo? FromDirectory(string notebookDirectory)
    {
        ArgumentNullException.ThrowIfNull(notebookDirectory);

        string folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(notebookDirectory)));
        return folderName.ToLowerInvariant() switch
        {
            "ja" => CultureInfo.GetCultureInfo("ja-JP"),
            "en" => CultureInfo.GetCultureInfo("en-US"),
            _ => null,
        };
    }

    /// <summary>
    /// Sets <see cref="CultureInfo.CurrentUICulture"/> and
    /// <see cref="CultureInfo.DefaultThreadCurrentUICulture"/> from the folder name, so resource
    /// lookups (chart titles, messages) use the notebook's language.
    /// </summary>
    /// <param name="notebookDirectory">The folder that contains the notebook, usually <see cref="Environment.CurrentDirectory"/>.</param>
    /// <returns>The culture that was set.</returns>
    /// <exception cref="ArgumentException">The folder name is neither <c>ja</c> nor <c>en</c>.</exception>
    public static CultureInfo SetFromDirectory(string notebookDirectory)
    {
        CultureInfo culture = FromDirectory(notebookDirectory)
            ?? throw new ArgumentException(
                $"Cannot choose a language for notebook folder '{notebookDirectory}': expected a folder named 'ja' or 'en'. "
                + "Start the kernel from notebooks/ja or notebooks/en.",
                nameof(notebookDirectory));

        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentUICulture = culture;
        return culture;
    }
}
