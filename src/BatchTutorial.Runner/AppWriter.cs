namespace BatchTutorial.Runner;

/// <summary>How a generated app on disk compares with what its notebook generates now.</summary>
internal enum AppState
{
    /// <summary>The file matches the notebook.</summary>
    UpToDate,

    /// <summary>The file differs from what the notebook generates.</summary>
    OutOfDate,

    /// <summary>The notebook has no app yet.</summary>
    Missing,

    /// <summary>A generated app whose notebook no longer exists.</summary>
    Orphaned,

    /// <summary>The notebook cannot be turned into an app, for the reason in <see cref="AppCheck.Error"/>.</summary>
    Invalid,
}

/// <summary>
/// The comparison of one app file with its notebook.
/// </summary>
/// <param name="AppPath">The full path of the .cs file.</param>
/// <param name="State">How the file compares.</param>
/// <param name="Generated">What the notebook generates now, or <c>null</c> for orphaned and invalid apps.</param>
/// <param name="Error">Why the notebook cannot be turned into an app, for <see cref="AppState.Invalid"/>.</param>
internal sealed record AppCheck(string AppPath, AppState State, GeneratedApp? Generated, string? Error);

/// <summary>
/// Compares the generated apps under notebooks/{ja,en} with their notebooks, and writes or deletes them.
/// </summary>
internal static class AppWriter
{
    /// <summary>
    /// Generates every app in memory and compares it with the file beside the notebook. Without a filter, generated
    /// apps whose notebook is gone are reported as <see cref="AppState.Orphaned"/>.
    /// </summary>
    public static IReadOnlyList<AppCheck> Check(string notebooksDirectory, string repositoryRoot, string? filter)
    {
        var checks = new List<AppCheck>();
        IReadOnlyList<NotebookLocation> notebooks = RepositoryLayout.FindNotebooks(notebooksDirectory, filter);
        foreach (NotebookLocation notebook in notebooks)
        {
            string appPath = AppGenerator.AppPath(notebook);
            GeneratedApp generated;
            try
            {
                generated = AppGenerator.Generate(notebook, repositoryRoot);
            }
            catch (InvalidDataException exception)
            {
                checks.Add(new AppCheck(appPath, AppState.Invalid, null, exception.Message));
                continue;
            }

            // Line ends are ignored, so a checkout that converts them to CRLF still counts as up to date.
            AppState state = !File.Exists(appPath) ? AppState.Missing
                : File.ReadAllText(appPath).Replace("\r\n", "\n", StringComparison.Ordinal) == generated.Source ? AppState.UpToDate
                : AppState.OutOfDate;
            checks.Add(new AppCheck(appPath, state, generated, null));
        }

        if (filter is null)
        {
            checks.AddRange(FindOrphans(notebooksDirectory));
        }

        return checks;
    }

    /// <summary>
    /// Writes missing and out-of-date apps, deletes orphaned ones and prints one line per app.
    /// </summary>
    /// <returns>The number of notebooks that could not be turned into an app.</returns>
    public static int Apply(IReadOnlyList<AppCheck> checks, string repositoryRoot, TextWriter log)
    {
        foreach (AppCheck check in checks)
        {
            string shownPath = Path.GetRelativePath(repositoryRoot, check.AppPath);
            switch (check.State)
            {
                case AppState.Missing or AppState.OutOfDate:
                    File.WriteAllText(check.AppPath, check.Generated!.Source);
                    log.WriteLine($"{shownPath}: written");
                    break;
                case AppState.UpToDate:
                    log.WriteLine($"{shownPath}: up to date");
                    break;
                case AppState.Orphaned:
                    File.Delete(check.AppPath);
                    log.WriteLine($"{shownPath}: deleted, because its notebook no longer exists");
                    break;
                case AppState.Invalid:
                    log.WriteLine($"{shownPath}: FAILED: {check.Error}");
                    break;
            }

            foreach (int cell in check.Generated?.WrappedCells ?? [])
            {
                log.WriteLine($"  note: cell {cell} ends in an expression without a semicolon; the app passes it to display(...). Write display(...) in the notebook instead.");
            }
        }

        return checks.Count(check => check.State == AppState.Invalid);
    }

    private static IEnumerable<AppCheck> FindOrphans(string notebooksDirectory)
    {
        foreach (string language in RepositoryLayout.Languages)
        {
            string folder = Path.Combine(notebooksDirectory, language);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (string appPath in Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal))
            {
                bool generated = File.ReadLines(appPath).FirstOrDefault()?.StartsWith(AppGenerator.GeneratedMarker, StringComparison.Ordinal) == true;
                if (generated && !File.Exists(Path.ChangeExtension(appPath, ".ipynb")))
                {
                    yield return new AppCheck(appPath, AppState.Orphaned, null, null);
                }
            }
        }
    }
}
