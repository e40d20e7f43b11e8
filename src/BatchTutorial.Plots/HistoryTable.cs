namespace BatchTutorial.Plots;

/// <summary>
/// The per-epoch summary of a training run as a <see cref="TextTable"/>: what a notebook shows for a
/// <see cref="TrainingHistory"/> (as HTML) and what a file-based app prints for it (as text).
/// </summary>
public static class HistoryTable
{
    /// <summary>
    /// Creates one row per recorded epoch: updates, samples seen, training and test loss and accuracy, and the
    /// training time so far in seconds. Headers follow the current UI culture (<see cref="Bilingual.Pick"/>).
    /// </summary>
    public static TextTable Create(TrainingHistory history)
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
