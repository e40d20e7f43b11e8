namespace BatchTutorial;

/// <summary>One parameter update.</summary>
/// <param name="Epoch">Epoch of the update, from 1.</param>
/// <param name="Step">Batch number within the epoch, from 0.</param>
/// <param name="Update">Update number over the whole run, from 1.</param>
/// <param name="BatchRows">Rows actually in the batch (m).</param>
/// <param name="BatchLoss">Mean log loss of the batch before the update.</param>
/// <param name="SamplesSeen">Rows processed so far, this batch included.</param>
public readonly record struct UpdateRecord(int Epoch, int Step, long Update, int BatchRows, double BatchLoss, long SamplesSeen);

/// <summary>The state after one epoch.</summary>
/// <param name="Epoch">Epoch number, from 1.</param>
/// <param name="Updates">Updates so far.</param>
/// <param name="SamplesSeen">Rows processed so far.</param>
/// <param name="TrainLoss">Mean log loss on the full training data (NaN when epoch metrics are off).</param>
/// <param name="TrainAccuracy">Accuracy on the full training data (NaN when epoch metrics are off).</param>
/// <param name="TestLoss">Mean log loss on the test data (NaN without test data or metrics).</param>
/// <param name="TestAccuracy">Accuracy on the test data (NaN without test data or metrics).</param>
/// <param name="Seconds">Wall-clock seconds of this epoch's updates (the metric pass excluded).</param>
/// <param name="TotalSeconds">Wall-clock seconds of all updates so far.</param>
/// <param name="AllocatedBytes">Bytes allocated on the training thread by this epoch's updates.</param>
public readonly record struct EpochRecord(
    int Epoch,
    long Updates,
    long SamplesSeen,
    double TrainLoss,
    double TrainAccuracy,
    double TestLoss,
    double TestAccuracy,
    double Seconds,
    double TotalSeconds,
    long AllocatedBytes);

/// <summary>W and b after an update (update 0 is the starting point).</summary>
public sealed class ParameterSnapshot
{
    internal ParameterSnapshot(long update, double[] weights, double bias)
    {
        Update = update;
        Weights = weights;
        Bias = bias;
    }

    /// <summary>Update number, 0 for the starting point.</summary>
    public long Update { get; }

    /// <summary>W after the update (d values).</summary>
    public double[] Weights { get; }

    /// <summary>b after the update.</summary>
    public double Bias { get; internal set; }
}

/// <summary>What a training run produced, as data: per update, per epoch and, optionally, the parameter path.</summary>
public sealed class TrainingHistory
{
    internal TrainingHistory(
        TrainerOptions options,
        int sampleCount,
        LogisticRegression model,
        double initialTrainLoss,
        double initialTestLoss,
        UpdateRecord[] updates,
        EpochRecord[] epochs,
        ParameterSnapshot[] trajectory)
    {
        Options = options;
        SampleCount = sampleCount;
        Model = model;
        InitialTrainLoss = initialTrainLoss;
        InitialTestLoss = initialTestLoss;
        Updates = updates;
        Epochs = epochs;
        Trajectory = trajectory;
    }

    /// <summary>The settings of the run.</summary>
    public TrainerOptions Options { get; }

    /// <summary>N, the number of training rows.</summary>
    public int SampleCount { get; }

    /// <summary>The trained model.</summary>
    public LogisticRegression Model { get; }

    /// <summary>Mean log loss on the training data before the first update (NaN when epoch metrics are off).</summary>
    public double InitialTrainLoss { get; }

    /// <summary>Mean log loss on the test data before the first update (NaN without test data or metrics).</summary>
    public double InitialTestLoss { get; }

    /// <summary>One record per update, when <see cref="TrainerOptions.RecordUpdates"/> is set; else empty.</summary>
    public IReadOnlyList<UpdateRecord> Updates { get; }

    /// <summary>One record per epoch.</summary>
    public IReadOnlyList<EpochRecord> Epochs { get; }

    /// <summary>W and b from update 0 on, when <see cref="TrainerOptions.RecordTrajectory"/> is set; else empty.</summary>
    public IReadOnlyList<ParameterSnapshot> Trajectory { get; }

    /// <summary>A short label such as "B = 32" for legends.</summary>
    public string Label => $"B = {Math.Min(Options.BatchSize, SampleCount)}";
}
