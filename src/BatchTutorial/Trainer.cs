using System.Diagnostics;

namespace BatchTutorial;

/// <summary>
/// Trains <see cref="LogisticRegression"/> by mini-batch gradient descent. <see cref="TrainerOptions.BatchSize"/>
/// = N gives full-batch learning, 1 online learning, anything between mini-batch learning.
/// </summary>
public static class Trainer
{
    /// <summary>Trains a model and returns its history. The training data is read, never changed.</summary>
    /// <param name="train">Training data (n × d).</param>
    /// <param name="options">Settings; checked before anything runs.</param>
    /// <param name="test">Optional test data evaluated after each epoch when epoch metrics are on.</param>
    /// <param name="initial">Starting model (copied, not changed); default W = 0, b = 0.</param>
    /// <exception cref="ArgumentException">A setting is out of range, or the data or model shapes do not match.</exception>
    public static TrainingHistory Train(Dataset train, TrainerOptions options, Dataset? test = null, LogisticRegression? initial = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (test is not null)
        {
            Guard.Length(test.Columns, train.Columns, nameof(test) + "." + nameof(Dataset.Columns));
        }

        if (initial is not null)
        {
            Guard.Length(initial.Features, train.Columns, nameof(initial) + "." + nameof(LogisticRegression.Weights));
        }

        LogisticRegression model = initial?.Clone() ?? new LogisticRegression(train.Columns);
        return new Run(train, test, options, model).Execute();
    }

    /// <summary>The state of one training run; all storage is allocated before the first epoch.</summary>
    private sealed class Run
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
        private readonly Action<Batch, double, double>? _afterUpdate;
        private readonly long _samplesPerEpoch;
        private int _epoch;

        public Run(Dataset train, Dataset? test, TrainerOptions options, LogisticRegression model)
        {
            _train = train;
            _test = test;
            _options = options;
            _model = model;
            _plan = BatchPlan.Create(train.Rows, options.BatchSize, options.Shuffle, options.Seed, options.DropLast);
            _order = options.Shuffle ? new int[train.Rows] : [];
            _kernel = new EpochKernel(train.Columns, options.Threads);
            long totalUpdates = _plan.CountUpdates(options.Epochs);
            _batchLosses = options.RecordUpdates ? new double[_plan.BatchesPerEpoch] : [];
            _updates = options.RecordUpdates ? new UpdateRecord[totalUpdates] : [];
            _trajectory = options.RecordTrajectory ? AllocateTrajectory(totalUpdates + 1, train.Columns) : [];
            _afterUpdate = options.RecordTrajectory || options.OnUpdate is not null ? AfterUpdate : null;
            _samplesPerEpoch = _plan.GetBatch(_plan.BatchesPerEpoch - 1).End;
        }

        private long UpdatesBeforeEpoch => (long)(_epoch - 1) * _plan.BatchesPerEpoch;

        public TrainingHistory Execute()
        {
            bool metrics = _options.RecordEpochMetrics;
            double initialTrain = metrics ? _model.Loss(_train) : double.NaN;
            double initialTest = metrics && _test is not null ? _model.Loss(_test) : double.NaN;
            Snapshot(0, _model.Bias);

            var epochs = new EpochRecord[_options.Epochs];
            double totalSeconds = 0;
            for (_epoch = 1; _epoch <= _options.Epochs; _epoch++)
            {
                long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                long started = Stopwatch.GetTimestamp();

                RunEpoch();

                double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                totalSeconds += seconds;
                RecordUpdates();
                epochs[_epoch - 1] = Measure(seconds, totalSeconds, allocated);
            }

            return new TrainingHistory(_options, _train.Rows, _model, initialTrain, initialTest, _updates, epochs, _trajectory);
        }

        private void RunEpoch()
        {
            if (_options.Shuffle)
            {
                _plan.NextEpochOrder(_order);
            }

            double b = _model.Bias;
            _kernel.Run(_train.XMemory, _train.YMemory, _plan, _order, _model.Weights, ref b, _options.LearningRate, _batchLosses, _afterUpdate);
            _model.Bias = b;
        }

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

        private EpochRecord Measure(double seconds, double totalSeconds, long allocated)
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
            return new EpochRecord(_epoch, updates, samplesSeen, trainLoss, trainAccuracy, testLoss, testAccuracy, seconds, totalSeconds, allocated);
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
}
