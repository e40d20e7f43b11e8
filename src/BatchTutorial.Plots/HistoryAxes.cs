namespace BatchTutorial.Plots;

/// <summary>The x values of a history's records for each <see cref="XAxisKind"/>, with the matching labels.</summary>
internal static class HistoryAxes
{
    /// <summary>Every x-axis kind, in menu order.</summary>
    public static IReadOnlyList<XAxisKind> All { get; } = [XAxisKind.Updates, XAxisKind.Epochs, XAxisKind.SamplesSeen, XAxisKind.Seconds];

    /// <summary>Returns the x value of one epoch record: updates, epoch number, samples seen or total seconds so far.</summary>
    public static double EpochX(EpochRecord record, XAxisKind x) => x switch
    {
        XAxisKind.Updates => record.Updates,
        XAxisKind.Epochs => record.Epoch,
        XAxisKind.SamplesSeen => record.SamplesSeen,
        XAxisKind.Seconds => record.TotalSeconds,
        _ => throw Unknown(x),
    };

    /// <summary>
    /// Returns the x value of one update record. Epochs count fractions: update k of an epoch with n batches sits at
    /// (epoch − 1) + k / n, so the last update of epoch 1 sits at 1.0, where the epoch's own point is drawn.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> is <see cref="XAxisKind.Seconds"/>: updates are not timed one by one.</exception>
    public static double UpdateX(UpdateRecord record, int batchesPerEpoch, XAxisKind x, string parameterName) => x switch
    {
        XAxisKind.Updates => record.Update,
        XAxisKind.Epochs => record.Epoch - 1 + (record.Step + 1) / (double)batchesPerEpoch,
        XAxisKind.SamplesSeen => record.SamplesSeen,
        XAxisKind.Seconds => throw new ArgumentException(ChartErrors.Format(ChartErrors.NoSecondsPerUpdate, parameterName, x), parameterName),
        _ => throw Unknown(x),
    };

    /// <summary>Returns the key of the axis title, with unit, for <paramref name="x"/>.</summary>
    public static string TitleKey(XAxisKind x) => x switch
    {
        XAxisKind.Updates => ChartText.Updates,
        XAxisKind.Epochs => ChartText.Epochs,
        XAxisKind.SamplesSeen => ChartText.SamplesSeen,
        XAxisKind.Seconds => ChartText.ElapsedTime,
        _ => throw Unknown(x),
    };

    /// <summary>Returns the key of the short menu label for <paramref name="x"/>.</summary>
    public static string MenuKey(XAxisKind x) => x switch
    {
        XAxisKind.Updates => ChartText.MenuUpdates,
        XAxisKind.Epochs => ChartText.MenuEpochs,
        XAxisKind.SamplesSeen => ChartText.MenuSamplesSeen,
        XAxisKind.Seconds => ChartText.MenuElapsedTime,
        _ => throw Unknown(x),
    };

    private static ArgumentOutOfRangeException Unknown(XAxisKind x) =>
        new(nameof(x), x, ChartErrors.Format(ChartErrors.UnknownXAxis, x));
}
