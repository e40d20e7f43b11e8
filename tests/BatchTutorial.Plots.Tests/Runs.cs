namespace BatchTutorial.Plots.Tests;

/// <summary>Small seeded training runs shared by the chart tests: full batch, online and mini-batch on 2-D blobs.</summary>
internal static class Runs
{
    public const int TrainRows = 40;
    public const int Epochs = 3;

    public static Dataset Train { get; } = Datasets.Blobs(TrainRows, seed: 1);

    public static Dataset Test { get; } = Datasets.Blobs(20, seed: 2);

    /// <summary>B = N, B = 1 and B = 8, in that order, each with test data and its parameter path.</summary>
    public static IReadOnlyList<TrainingHistory> Three { get; } = [Run(TrainRows), Run(1), Run(8)];

    public static TrainingHistory Run(int batchSize, bool metrics = true, bool updates = true, bool trajectory = true, bool test = true)
    {
        var options = new TrainerOptions
        {
            BatchSize = batchSize,
            Epochs = Epochs,
            LearningRate = 0.1,
            Shuffle = true,
            Seed = 7,
            RecordEpochMetrics = metrics,
            RecordUpdates = updates,
            RecordTrajectory = trajectory,
        };
        return Trainer.Train(Train, options, test ? Test : null);
    }

    public static IEnumerable<object[]> BothLanguages() => [[Language.Japanese], [Language.English]];
}
