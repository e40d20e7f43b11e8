namespace BatchTutorial.Plots;

/// <summary>Which per-epoch value a curve shows.</summary>
internal enum EpochMetric
{
    Loss,
    Accuracy,
}

/// <summary>
/// One curve of per-epoch values: a run's training or test metric, with its x values for every
/// <see cref="XAxisKind"/> so that a menu can swap them.
/// </summary>
/// <param name="Name">Legend entry, e.g. "Mini-batch learning (B = 32), test data".</param>
/// <param name="Group">Legend group shared by the run's training and test curves.</param>
/// <param name="RunIndex">Position of the run among the histories, which picks its colour.</param>
/// <param name="IsTest">Whether the values were measured on the test data (drawn dashed).</param>
/// <param name="Y">The metric after each epoch, preceded by the value before training when that is drawn.</param>
/// <param name="X">The x values for each x-axis kind, each as long as <paramref name="Y"/>.</param>
internal sealed record EpochCurve(string Name, string Group, int RunIndex, bool IsTest, double[] Y, IReadOnlyDictionary<XAxisKind, double[]> X);

/// <summary>Builds <see cref="EpochCurve"/>s from training histories.</summary>
internal static class EpochCurves
{
    /// <summary>
    /// Returns the training curve of every run and, when <paramref name="includeTest"/> is set and the run was
    /// evaluated on test data, its test curve. With <paramref name="includeStart"/>, loss curves start at x = 0
    /// with the loss before the first update; accuracy before training is not recorded, so accuracy curves start
    /// at epoch 1.
    /// </summary>
    /// <exception cref="ArgumentException">A run was trained without epoch metrics.</exception>
    public static List<EpochCurve> Build(IReadOnlyList<TrainingHistory> histories, EpochMetric metric, bool includeTest, bool includeStart, Language language, string parameterName)
    {
        var curves = new List<EpochCurve>();
        for (int run = 0; run < histories.Count; run++)
        {
            TrainingHistory history = histories[run];
            string legend = ChartText.LegendName(history, language);

            double[] train = Values(history, metric, test: false);
            if (train.Any(double.IsNaN))
            {
                string property = metric == EpochMetric.Loss ? nameof(EpochRecord.TrainLoss) : nameof(EpochRecord.TrainAccuracy);
                throw new ArgumentException(ChartErrors.Format(ChartErrors.NoEpochMetrics, history.Label, property), parameterName);
            }

            double trainStart = metric == EpochMetric.Loss ? history.InitialTrainLoss : double.NaN;
            string trainName = ChartText.Format(ChartText.DataSeriesEntry, language, legend, ChartText.Get(ChartText.TrainingData, language));
            curves.Add(Curve(history, trainName, run, isTest: false, train, includeStart ? trainStart : double.NaN));

            double[] test = Values(history, metric, test: true);
            if (includeTest && test.All(double.IsFinite))
            {
                double testStart = metric == EpochMetric.Loss ? history.InitialTestLoss : double.NaN;
                string testName = ChartText.Format(ChartText.DataSeriesEntry, language, legend, ChartText.Get(ChartText.TestData, language));
                curves.Add(Curve(history, testName, run, isTest: true, test, includeStart ? testStart : double.NaN));
            }
        }

        return curves;
    }

    private static double[] Values(TrainingHistory history, EpochMetric metric, bool test) => metric switch
    {
        EpochMetric.Loss => history.Epochs.Select(e => test ? e.TestLoss : e.TrainLoss).ToArray(),
        _ => history.Epochs.Select(e => test ? e.TestAccuracy : e.TrainAccuracy).ToArray(),
    };

    /// <summary>Returns a curve; a finite <paramref name="start"/> becomes a first point at x = 0 on every axis kind.</summary>
    private static EpochCurve Curve(TrainingHistory history, string name, int run, bool isTest, double[] values, double start)
    {
        bool withStart = double.IsFinite(start);
        double[] y = withStart ? [start, .. values] : values;

        var x = new Dictionary<XAxisKind, double[]>();
        foreach (XAxisKind kind in HistoryAxes.All)
        {
            IEnumerable<double> epochX = history.Epochs.Select(e => HistoryAxes.EpochX(e, kind));
            x[kind] = withStart ? [0.0, .. epochX] : epochX.ToArray();
        }

        return new EpochCurve(name, "run" + run, run, isTest, y, x);
    }
}
