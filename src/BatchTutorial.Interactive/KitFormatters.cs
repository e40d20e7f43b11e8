using BatchTutorial.Plots;
using Microsoft.DotNet.Interactive.Formatting;

namespace BatchTutorial.Interactive;

/// <summary>
/// Formats the kit's result types for notebooks: <see cref="TextTable"/> as an HTML table and
/// <see cref="TrainingHistory"/> as a readable per-epoch table with headers in the notebook's language.
/// </summary>
public static class KitFormatters
{
    /// <summary>Registers the <c>text/html</c> and <c>text/plain</c> formatters of the kit's types.</summary>
    public static void Register()
    {
        Formatter.Register<TextTable>((table, writer) => writer.Write(table.ToHtml()), HtmlFormatter.MimeType);
        Formatter.Register<TextTable>((table, writer) => writer.Write(table.ToString()), PlainTextFormatter.MimeType);
        Formatter.Register<TrainingHistory>((history, writer) => writer.Write(Summarize(history).ToHtml()), HtmlFormatter.MimeType);
        Formatter.Register<TrainingHistory>((history, writer) => writer.Write(Summarize(history).ToString()), PlainTextFormatter.MimeType);
    }

    /// <summary>Returns one row per epoch: updates, samples seen, training and test loss and accuracy, seconds.</summary>
    public static TextTable Summarize(TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var table = new TextTable(
            Bilingual.Pick("エポック", "epoch"),
            Bilingual.Pick("更新回数", "updates"),
            Bilingual.Pick("処理したサンプル数", "samples seen"),
            Bilingual.Pick("訓練データの損失", "training loss"),
            Bilingual.Pick("訓練データの正解率", "training accuracy"),
            Bilingual.Pick("テストデータの損失", "test loss"),
            Bilingual.Pick("テストデータの正解率", "test accuracy"),
            Bilingual.Pick("累計の学習時間（秒）", "training time so far (s)"));
        foreach (EpochRecord epoch in history.Epochs)
        {
            table.Add(epoch.Epoch, epoch.Updates, epoch.SamplesSeen, epoch.TrainLoss, epoch.TrainAccuracy, epoch.TestLoss, epoch.TestAccuracy, epoch.TotalSeconds);
        }

        return table;
    }
}
