namespace BatchTutorial.Runner;

/// <summary>
/// The fixed words of the generated site in one language.
/// </summary>
internal sealed record SiteText(
    string LanguageName,
    string NotebooksHeading,
    string NotebookColumn,
    string StatusColumn,
    string TimeColumn,
    string Passed,
    string Failed,
    string SlowestCellsHeading,
    string CellColumn,
    string BackToIndex,
    string NotRun,
    string KernelStart)
{
    public static SiteText For(string language) => language switch
    {
        "ja" => new SiteText(
            "日本語", "ノートブック", "ノートブック", "結果", "時間", "成功", "失敗",
            "時間のかかったセル", "セル", "目次に戻る", "未実行", "カーネル起動"),
        _ => new SiteText(
            "English", "Notebooks", "Notebook", "Status", "Time", "passed", "failed",
            "Slowest cells", "Cell", "Back to the index", "not run", "kernel start"),
    };
}
