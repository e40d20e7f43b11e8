using System.Diagnostics;

namespace BatchTutorial;

/// <summary>
/// Trains <see cref="LogisticRegression"/> from a file too large to load: each epoch reads the rows in file order, a
/// block of whole batches at a time, into one reused buffer, so memory stays flat however large the file is.
/// </summary>
/// <remarks>
/// The update is the same as <see cref="Trainer.Train"/>'s on the same rows in the same order (the same kernel runs
/// on each block). Shuffling needs every row in memory, so <see cref="TrainerOptions.Shuffle"/> must be false.
/// The one thing that grows with the file is what the options ask to keep per update: <see cref="TrainerOptions.RecordUpdates"/>
/// and <see cref="TrainerOptions.RecordTrajectory"/>; <see cref="TrainerOptions.RecordEpochMetrics"/> costs one more
/// read of the file per epoch, not counted in the epoch's seconds.
/// </remarks>
public static class StreamingTrainer
{
    /// <summary>The rows the buffer has room for, rounded down to whole batches but never less than one batch.</summary>
    public const int BlockRows = 4096;

    /// <summary>Trains from the file at <paramref name="path"/> (CSV, or binary rows for the extension ".rows").</summary>
    /// <param name="path">The file: one row per line of d features and the label 0 or 1, or binary rows.</param>
    /// <param name="columns">d, the number of features per row.</param>
    /// <param name="options">Settings; <see cref="TrainerOptions.Shuffle"/> must be false.</param>
    /// <param name="initial">Starting model (copied, not changed); default W = 0, b = 0.</param>
    /// <exception cref="ArgumentException">A setting is out of range, Shuffle is set, or the model's d differs.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A row is malformed (the message names the file, the line and the problem), or there are no rows.</exception>
    public static TrainingHistory Train(string path, int columns, TrainerOptions options, LogisticRegression? initial = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckOptions(options, columns, initial);
        using RowReader reader = RowReader.Open(path, columns);
        return Train(reader, options, initial);
    }

    /// <summary>Trains from <paramref name="reader"/>, from its first row, for every epoch of <paramref name="options"/>.</summary>
    /// <inheritdoc cref="Train(string, int, TrainerOptions, LogisticRegression?)"/>
    public static TrainingHistory Train(RowReader reader, TrainerOptions options, LogisticRegression? initial = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        CheckOptions(options, reader.Columns, initial);
        var run = new StreamingRun(reader, options, initial?.Clone() ?? new LogisticRegression(reader.Columns));
        return run.Execute();
    }

    /// <summary>Returns the mean log loss and the accuracy of <paramref name="model"/> over every row of <paramref name="path"/>, read as a stream.</summary>
    /// <exception cref="InvalidDataException">A row is malformed, or there are no rows.</exception>
    public static (double Loss, double Accuracy, long Rows) Evaluate(string path, int columns, LogisticRegression model)
    {
        using RowReader reader = RowReader.Open(path, columns);
        return Evaluate(reader, model);
    }

    /// <summary>Returns the mean log loss and the accuracy of <paramref name="model"/> over every row of <paramref name="reader"/>.</summary>
    /// <exception cref="InvalidDataException">A row is malformed, or there are no rows.</exception>
    public static (double Loss, double Accuracy, long Rows) Evaluate(RowReader reader, LogisticRegression model)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(model);
        Guard.Length(model.Features, reader.Columns, nameof(model) + "." + nameof(LogisticRegression.Weights));
        int d = reader.Columns;
        var x = new double[BlockRows * d];
        var y = new double[BlockRows];
        double lossSum = 0;
        long correct = 0;
        long rows = 0;
        reader.Rewind();
        int read;
        while ((read = reader.ReadRows(x, y)) > 0)
        {
            for (int i = 0; i < read; i++)
            {
                double z = model.Logit(x.AsSpan(i * d, d));
                lossSum += LogLoss.FromLogit(z, y[i]);
                correct += (z >= 0 ? 1.0 : 0.0) == y[i] ? 1 : 0;
            }

            rows += read;
        }

        if (rows == 0)
        {
            throw new InvalidDataException(Messages.Format(nameof(Messages.RowFileEmpty), reader.Path));
        }

        return (lossSum / rows, (double)correct / rows, rows);
    }

    private static void CheckOptions(TrainerOptions options, int columns, LogisticRegression? initial)
    {
        options.Validate();
        if (options.Shuffle)
        {
            throw new ArgumentException(Messages.Format(nameof(Messages.StreamingNeedsFileOrder), nameof(TrainerOptions.Shuffle)), nameof(options));
        }

        if (initial is not null)
        {
            Guard.Length(initial.Features, columns, nameof(initial) + "." + nameof(LogisticRegression.Weights));
        }
    }

    /// <summary>The state of one streamed training run.</summary>
    private sealed class StreamingRun
    {
        private readonly RowReader _reader;
        private readonly TrainerOptions _options;
        private readonly LogisticRegression _model;
        private readonly EpochKernel _kernel;
        private readonly double[] _x;
        private readonly double[] _y;
        private readonly double[] _batchLosses;
        private readonly int _batchSize;
        private readonly List<UpdateRecord> _updates = [];
        private readonly List<ParameterSnapshot> _trajectory = [];
        private readonly Action<Batch, double, double>? _afterUpdate;
        private int _epoch;

        // Counts before the current block: updates and samples over the whole run, batches within the epoch.
        private long _updatesDone;
        private long _samplesDone;
        private int _stepsInEpoch;

        public StreamingRun(RowReader reader, TrainerOptions options, LogisticRegression model)
        {
            _reader = reader;
            _options = options;
            _model = model;
            _kernel = new EpochKernel(reader.Columns, options.Threads);
            _batchSize = options.BatchSize;
            int blockRows = options.BatchSize >= BlockRows ? options.BatchSize : BlockRows / options.BatchSize * options.BatchSize;
            _x = new double[(long)blockRows * reader.Columns];
            _y = new double[blockRows];
            _batchLosses = options.RecordUpdates ? new double[blockRows / options.BatchSize] : [];
            _afterUpdate = options.RecordTrajectory || options.OnUpdate is not null ? AfterUpdate : null;
        }

        public TrainingHistory Execute()
        {
            double initialLoss = _options.RecordEpochMetrics ? Evaluate(_reader, _model).Loss : double.NaN;
            if (_options.RecordTrajectory)
            {
                _trajectory.Add(new ParameterSnapshot(0, (double[])_model.Weights.Clone(), _model.Bias));
            }

            var epochs = new EpochRecord[_options.Epochs];
            long rows = 0;
            double totalSeconds = 0;
            for (_epoch = 1; _epoch <= _options.Epochs; _epoch++)
            {
                long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                long started = Stopwatch.GetTimestamp();

                rows = RunEpoch();

                double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                totalSeconds += seconds;
                double trainLoss = double.NaN, trainAccuracy = double.NaN;
                if (_options.RecordEpochMetrics)
                {
                    (trainLoss, trainAccuracy, _) = Evaluate(_reader, _model);
                }

                epochs[_epoch - 1] = new EpochRecord(_epoch, _updatesDone, _samplesDone, trainLoss, trainAccuracy, double.NaN, double.NaN, seconds, totalSeconds, allocated);
            }

            // NOTE: TrainingHistory counts rows in an int; a file of more than int.MaxValue rows reports int.MaxValue.
            int sampleCount = (int)Math.Min(rows, int.MaxValue);
            return new TrainingHistory(_options, sampleCount, _model, initialLoss, double.NaN, [.. _updates], epochs, [.. _trajectory]);
        }

        /// <summary>Runs one epoch over the file, a block of whole batches at a time, and returns the rows read.</summary>
        private long RunEpoch()
        {
            _reader.Rewind();
            _stepsInEpoch = 0;
            long rows = 0;
            double b = _model.Bias;
            int read;
            while ((read = _reader.ReadRows(_x, _y)) > 0)
            {
                rows += read;

                // A block holds whole batches, so only the file's last block can end with a short batch.
                int batches = _options.DropLast ? read / _batchSize : (read + _batchSize - 1) / _batchSize;
                if (batches == 0)
                {
                    break;
                }

                int used = Math.Min(read, batches * _batchSize);
                _kernel.RunBatches(_x, _y, ReadOnlyMemory<int>.Empty, _batchSize, batches, used, _model.Weights, ref b, _options.LearningRate, _options.RecordUpdates ? _batchLosses : null, _afterUpdate);
                _model.Bias = b;
                if (_options.RecordUpdates)
                {
                    for (int k = 0; k < batches; k++)
                    {
                        int count = Math.Min(_batchSize, used - k * _batchSize);
                        _updates.Add(Record(k, k * _batchSize, count, _batchLosses[k]));
                    }
                }

                _updatesDone += batches;
                _samplesDone += used;
                _stepsInEpoch += batches;
            }

            if (rows == 0)
            {
                throw new InvalidDataException(Messages.Format(nameof(Messages.RowFileEmpty), _reader.Path));
            }

            return rows;
        }

        /// <summary>Returns the record of batch <paramref name="step"/> of the current block.</summary>
        private UpdateRecord Record(int step, int start, int count, double loss) =>
            new(_epoch, _stepsInEpoch + step, _updatesDone + step + 1, count, loss, _samplesDone + start + count);

        private void AfterUpdate(Batch batch, double loss, double bias)
        {
            UpdateRecord record = Record(batch.Step, batch.Start, batch.Count, loss);
            if (_options.RecordTrajectory)
            {
                _trajectory.Add(new ParameterSnapshot(record.Update, (double[])_model.Weights.Clone(), bias));
            }

            _options.OnUpdate?.Invoke(record);
        }
    }
}
