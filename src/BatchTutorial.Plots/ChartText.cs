using System.Globalization;
using System.Resources;

namespace BatchTutorial.Plots;

/// <summary>
/// Chart labels in Japanese and English, read from Resources/ChartText.resx (English) and ChartText.ja.resx
/// (Japanese). Lesson code can use the same strings for its own charts, e.g.
/// <c>ChartText.Get(ChartText.Epochs, Language.Japanese)</c>.
/// </summary>
/// <remarks>
/// Each idea has one fixed term per language, the same in notebooks, charts and docs. Axis titles carry their unit
/// in parentheses.
/// </remarks>
public static class ChartText
{
    private static readonly ResourceManager Resources = new("BatchTutorial.Plots.Resources.ChartText", typeof(ChartText).Assembly);

    /// <summary>Method name for B = N (full-batch learning).</summary>
    public const string FullBatchLearning = nameof(FullBatchLearning);

    /// <summary>Method name for B = 1 (online learning).</summary>
    public const string OnlineLearning = nameof(OnlineLearning);

    /// <summary>Method name for 1 &lt; B &lt; N (mini-batch learning).</summary>
    public const string MiniBatchLearning = nameof(MiniBatchLearning);

    /// <summary>Format of a legend entry: {0} = the method, {1} = the batch size, e.g. "Mini-batch learning (B = 32)".</summary>
    public const string LegendEntry = nameof(LegendEntry);

    /// <summary>Name of the training data.</summary>
    public const string TrainingData = nameof(TrainingData);

    /// <summary>Name of the test data.</summary>
    public const string TestData = nameof(TestData);

    /// <summary>Format joining a legend entry ({0}) and the data it was measured on ({1}).</summary>
    public const string DataSeriesEntry = nameof(DataSeriesEntry);

    /// <summary>Axis title for the number of updates.</summary>
    public const string Updates = nameof(Updates);

    /// <summary>Axis title for epochs, with its unit (passes over the training data).</summary>
    public const string Epochs = nameof(Epochs);

    /// <summary>Axis title for the rows processed so far.</summary>
    public const string SamplesSeen = nameof(SamplesSeen);

    /// <summary>Axis title for wall-clock time in seconds.</summary>
    public const string ElapsedTime = nameof(ElapsedTime);

    /// <summary>Axis title for the mean log loss, in nats (natural logarithm).</summary>
    public const string Loss = nameof(Loss);

    /// <summary>Axis title for accuracy, a share from 0 to 1.</summary>
    public const string Accuracy = nameof(Accuracy);

    /// <summary>Axis title for the mean log loss of one batch, in nats.</summary>
    public const string BatchLoss = nameof(BatchLoss);

    /// <summary>Axis title for the row index i of the data, 0 to N − 1.</summary>
    public const string RowIndex = nameof(RowIndex);

    /// <summary>Axis title for the batches of each epoch.</summary>
    public const string EpochAndBatch = nameof(EpochAndBatch);

    /// <summary>Colour-bar title for the batch number.</summary>
    public const string BatchNumber = nameof(BatchNumber);

    /// <summary>Format of a batch's row label: {0} = epoch, {1} = batch, both from 1.</summary>
    public const string EpochBatchLabel = nameof(EpochBatchLabel);

    /// <summary>Format of a weight axis title: {0} = the weight's number, from 1.</summary>
    public const string Weight = nameof(Weight);

    /// <summary>Axis title for the batch size B, in rows.</summary>
    public const string BatchSize = nameof(BatchSize);

    /// <summary>Axis title for seconds per epoch.</summary>
    public const string TimePerEpoch = nameof(TimePerEpoch);

    /// <summary>Axis title for bytes allocated on the training thread.</summary>
    public const string AllocatedBytes = nameof(AllocatedBytes);

    /// <summary>Axis title for the variance of the batch gradient (gradient noise).</summary>
    public const string GradientVariance = nameof(GradientVariance);

    /// <summary>Menu label for updates on the x-axis.</summary>
    public const string MenuUpdates = nameof(MenuUpdates);

    /// <summary>Menu label for epochs on the x-axis.</summary>
    public const string MenuEpochs = nameof(MenuEpochs);

    /// <summary>Menu label for samples seen on the x-axis.</summary>
    public const string MenuSamplesSeen = nameof(MenuSamplesSeen);

    /// <summary>Menu label for elapsed time on the x-axis.</summary>
    public const string MenuElapsedTime = nameof(MenuElapsedTime);

    /// <summary>Title of the per-epoch loss curves.</summary>
    public const string LossCurvesTitle = nameof(LossCurvesTitle);

    /// <summary>Title of the per-epoch accuracy curves.</summary>
    public const string AccuracyCurvesTitle = nameof(AccuracyCurvesTitle);

    /// <summary>Format of a switchable chart's title: {0} = the title, followed by a hint to use the menu.</summary>
    public const string SwitchableTitle = nameof(SwitchableTitle);

    /// <summary>Title of the per-update batch loss chart.</summary>
    public const string BatchLossTitle = nameof(BatchLossTitle);

    /// <summary>Format of the batch coverage title: {0} = N, {1} = B, {2} = the row order.</summary>
    public const string CoverageTitle = nameof(CoverageTitle);

    /// <summary>Row order name for sequential batches.</summary>
    public const string InOrder = nameof(InOrder);

    /// <summary>Row order name for batches reshuffled every epoch.</summary>
    public const string ShuffledEachEpoch = nameof(ShuffledEachEpoch);

    /// <summary>Title of a loss contour without a fixed bias.</summary>
    public const string ContourTitle = nameof(ContourTitle);

    /// <summary>Format of a loss contour title at a fixed bias: {0} = b.</summary>
    public const string ContourTitleWithBias = nameof(ContourTitleWithBias);

    /// <summary>The name of every label, for tests that check both languages carry each one.</summary>
    public static IReadOnlyList<string> Keys { get; } = [
        FullBatchLearning, OnlineLearning, MiniBatchLearning, LegendEntry, TrainingData, TestData, DataSeriesEntry,
        Updates, Epochs, SamplesSeen, ElapsedTime, Loss, Accuracy, BatchLoss, RowIndex, EpochAndBatch, BatchNumber,
        EpochBatchLabel, Weight, BatchSize, TimePerEpoch, AllocatedBytes, GradientVariance,
        MenuUpdates, MenuEpochs, MenuSamplesSeen, MenuElapsedTime,
        LossCurvesTitle, AccuracyCurvesTitle, SwitchableTitle, BatchLossTitle, CoverageTitle, InOrder, ShuffledEachEpoch,
        ContourTitle, ContourTitleWithBias,
    ];

    /// <summary>Returns the label <paramref name="key"/> in <paramref name="language"/> (default: <see cref="Languages.Current"/>).</summary>
    /// <exception cref="KeyNotFoundException">No label has that name; <see cref="Keys"/> lists them.</exception>
    public static string Get(string key, Language? language = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        CultureInfo culture = Languages.ToCulture(language ?? Languages.Current);
        return Resources.GetString(key, culture)
            ?? throw new KeyNotFoundException(ChartErrors.Format(ChartErrors.UnknownChartText, key));
    }

    /// <summary>Returns the label format <paramref name="key"/> in <paramref name="language"/>, filled with <paramref name="args"/> (numbers in invariant form).</summary>
    public static string Format(string key, Language language, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(key, language), args);

    /// <summary>
    /// Returns the legend entry of a run: its method and batch size, e.g. "Mini-batch learning (B = 32)" in
    /// English. B is capped at N, as in <see cref="TrainingHistory.Label"/>.
    /// </summary>
    public static string LegendName(TrainingHistory history, Language? language = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        Language lang = language ?? Languages.Current;
        return Format(LegendEntry, lang, Get(MethodKey(history), lang), history.Label);
    }

    /// <summary>Returns the key of the run's method: full batch when B ≥ N, online when B = 1, else mini-batch.</summary>
    internal static string MethodKey(TrainingHistory history)
    {
        int b = Math.Min(history.Options.BatchSize, history.SampleCount);
        if (b == history.SampleCount)
        {
            return FullBatchLearning;
        }

        return b == 1 ? OnlineLearning : MiniBatchLearning;
    }
}
