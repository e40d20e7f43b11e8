namespace BatchTutorial.Runner;

/// <summary>
/// The comments of a generated app in the notebook's language.
/// </summary>
internal sealed record AppText(
    string Culture,
    string Cell,
    string SetupCell,
    string SetupComment,
    string DisplayHeading,
    string[] DisplayComment,
    Func<string, string, string[]> Header)
{
    public static AppText For(string language) => language switch
    {
        "ja" => new AppText(
            "ja-JP",
            "セル",
            "ノートブックでは `#!import ../setup.dib`",
            "カーネルと同じく、ノートブックのフォルダーで、ノートブックの言語（UI カルチャ ja-JP）で実行します。",
            "display(...): ノートブックがセルの下に表示するもの",
            [
                "グラフは output/ に HTML ファイルとして保存してパスを表示し、表と学習履歴はテキストで、",
                "それ以外は Console.WriteLine と同じく表示します。",
            ],
            (appPath, outputFolder) =>
            [
                "ノートブックのコードセルを順に実行する .NET 10 のファイルベースアプリです。",
                "手で編集しないでください。次の生成で上書きされ、ノートブックと食い違っている間はテストが失敗します。",
                $"実行（リポジトリのルートで）: dotnet run {appPath}",
                $"グラフは {outputFolder} に HTML ファイルとして保存されます（ネットワーク不要）。",
            ]),
        _ => new AppText(
            "en-US",
            "cell",
            "in the notebook `#!import ../setup.dib`",
            "Like the kernel, run in the notebook's folder and in the notebook's language (UI culture en-US).",
            "display(...): what the notebook shows under a cell",
            [
                "Charts are saved as HTML files in output/ and their paths printed. Tables and training histories are",
                "printed as text, and anything else as Console.WriteLine prints it.",
            ],
            (appPath, outputFolder) =>
            [
                "A .NET 10 file-based app that runs the notebook's code cells in order.",
                "Do not edit it by hand: the next generation overwrites it, and a test fails while it differs from the notebook.",
                $"Run it from the repository root: dotnet run {appPath}",
                $"Charts are saved as HTML files in {outputFolder} and need no network.",
            ]),
    };
}
