using System.Diagnostics;

namespace BatchTutorial;

/// <summary>
/// A training run that advances one epoch per <see cref="RunEpoch"/> call; <see cref="Trainer.Start"/> creates it.
/// All of its storage is allocated up front, so an epoch without recorded updates or metrics allocates nothing.
/// </summary>
public sealed class TrainingSession
{
    private readonly Dataset _train;
    private readonly Dataset? _test;
    private readonly TrainerOptions _options;
    private readonly LogisticRegression _model;
    private readonly BatchPlan _plan;
    private readonly int[] _order;
    private readonly EpochKernel _kernel;
    private readonly double[] _batchLosses;
    private readonly UpdateRecord[] _updates;
    private readonly ParameterSnapshot[] _trajectory;
    private readonly EpochRecord[] _epochs;
    private readonly Action<Batch, double, double>? _afterUpdate;
    private readonly long _samplesPerEpoch;
    private readonly double _initialTrainLoss;
    private readonly double _initialTestLoss;
    private double _totalSeconds;
    private int _epoch;

    internal TrainingSession(Dataset train, Dataset? test, TrainerOptions options, LogisticRegression model)
    {
        _train = train;
        _test = test;
        _options = options;
        _model = model;
        _plan = BatchPlan.Create(train.Rows, options.BatchSize, options.Shuffle, options.Seed, options.DropLast);
        // A full batch sums over every row, so its row order changes only rounding, and the kernel reads it in storage
        // order. So no permutation is drawn for it, which took 4 to 6 ms per epoch at N = 1,000,000.
        _order = options.Shuffle && !IsFullBatch(_plan) ? new int[train.Rows] : [];
        _kernel = new EpochKernel(train.Columns, options.Threads);
        long totalUpdates = _plan.CountUpdates(options.Epochs);
        _batchLosses = options.RecordUpdates ? new double[_plan.BatchesPerEpoch] : [];
        _updates = options.RecordUpdates ? new UpdateRecord[totalUpdates] : [];
        _trajectory = options.RecordTrajectory ? AllocateTrajectory(totalUpdates + 1, train.Columns) : [];
        _epochs = new EpochRecord[options.Epochs];
        _afterUpdate = options.RecordTrajectory || options.OnUpdate is not null ? AfterUpdate : null;
        _samplesPerEpoch = _plan.GetBatch(_plan.BatchesPerEpoch - 1).End;

        bool metrics = options.RecordEpochMetrics;
        _initialTrainLoss = metrics ? model.Loss(train) : double.NaN;
        _initialTestLoss = metrics && test is not null ? model.Loss(test) : double.NaN;
        Snapshot(0, model.Bias);
    }

    /// <summary>The settings of the run.</summary>
    public TrainerOptions Options => _options;

    /// <summary>The model being trained, updated in place by every epoch.</summary>
    public LogisticRegression Model => _model;

    /// <summary>The number of epochs run so far.</summary>
    public int EpochsCompleted => _epoch;

    private long UpdatesBeforeEpoch => (long)(_epoch - 1) * _plan.BatchesPerEpoch;

    /// <summary>
    /// Runs the next epoch: every batch's update, then the epoch's metrics when
    /// <see cref="TrainerOptions.RecordEpochMetrics"/> is set. Returns the epoch's record.
    /// </summary>
    /// <exception cref="InvalidOperationException">All <see cref="TrainerOptions.Epochs"/> epochs have already run.</exception>
    public EpochRecord RunEpoch()
    {
        if (_epoch >= _options.Epochs)
        {
            throw new InvalidOperationException(Messages.Format(nameof(Messages.SessionFinished), _options.Epochs));
        }

        _epoch++;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long started = Stopwatch.GetTimestamp();

        if (_order.Length > 0)
        {
            _plan.NextEpochOrder(_order);
        }

        double b = _model.Bias;
        _kernel.Run(_train.XMemory, _train.YMemory, _plan, _order, _model.Weights, ref b, _options.LearningRate, _batchLosses, _afterUpdate);
        _model.Bias = b;

        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        _totalSeconds += seconds;
        RecordUpdates();
        EpochRecord record = Measure(seconds, allocated);
        _epochs[_epoch - 1] = record;
        return record;
    }

    /// <summary>Returns whether each epoch of <paramref name="plan"/> is one batch of every row.</summary>
    private static bool IsFullBatch(BatchPlan plan) =>
        plan.BatchesPerEpoch == 1 && plan.GetBatch(0).Count == plan.SampleCount;

    /// <summary>
    /// Returns the history of the epochs run so far. After the last epoch it shares the session's arrays; before it,
    /// it copies the records made so far.
    /// </summary>
    public TrainingHistory ToHistory()
    {
        long updates = _epoch * (long)_plan.BatchesPerEpoch;
        return new TrainingHistory(
            _options,
            _train.Rows,
            _model,
            _initialTrainLoss,
            _initialTestLoss,
            TakeFirst(_updates, updates),
            TakeFirst(_epochs, _epoch),
            TakeFirst(_trajectory, updates + 1));
    }

    private static T[] TakeFirst<T>(T[] records, long count) =>
        records.Length <= count ? records : records[..(int)count];

    private void AfterUpdate(Batch batch, double loss, double bias)
    {
        long update = UpdatesBeforeEpoch + batch.Step + 1;
        Snapshot(update, bias);
        if (_options.OnUpdate is { } onUpdate)
        {
            long samples = (_epoch - 1) * _samplesPerEpoch + (long)batch.Start + batch.Count;
            onUpdate(new UpdateRecord(_epoch, batch.Step, update, batch.Count, loss, samples));
        }
    }

    private void RecordUpdates()
    {
        if (!_options.RecordUpdates)
        {
            return;
        }

        long samples = (_epoch - 1) * _samplesPerEpoch;
        long first = UpdatesBeforeEpoch;
        for (int k = 0; k < _plan.BatchesPerEpoch; k++)
        {
            Batch batch = _plan.GetBatch(k);
            samples += batch.Count;
            _updates[first + k] = new UpdateRecord(_epoch, k, first + k + 1, batch.Count, _batchLosses[k], samples);
        }
    }

    private EpochRecord Measure(double seconds, long allocated)
    {
        double trainLoss = double.NaN, trainAccuracy = double.NaN, testLoss = double.NaN, testAccuracy = double.NaN;
        if (_options.RecordEpochMetrics)
        {
            trainLoss = _model.Loss(_train);
            trainAccuracy = _model.Accuracy(_train);
            if (_test is not null)
            {
                testLoss = _model.Loss(_test);
                testAccuracy = _model.Accuracy(_test);
            }
        }

        long updates = (long)_epoch * _plan.BatchesPerEpoch;
        long samplesSeen = _epoch * _samplesPerEpoch;
        return new EpochRecord(_epoch, updates, samplesSeen, trainLoss, trainAccuracy, testLoss, testAccuracy, seconds, _totalSeconds, allocated);
    }

    private void Snapshot(long update, double bias)
    {
        if (_trajectory.Length == 0)
        {
            return;
        }

        ParameterSnapshot slot = _trajectory[update];
        _model.Weights.CopyTo(slot.Weights, 0);
        slot.Bias = bias;
    }

    private static ParameterSnapshot[] AllocateTrajectory(long count, int d)
    {
        var snapshots = new ParameterSnapshot[count];
        for (long u = 0; u < count; u++)
        {
            snapshots[u] = new ParameterSnapshot(u, new double[d], 0);
        }

        return snapshots;
    }
}
