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
        TrainingSession session = Start(train, options, test, initial);
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            session.RunEpoch();
        }

        return session.ToHistory();
    }

    /// <summary>
    /// Starts a training run that advances one epoch per <see cref="TrainingSession.RunEpoch"/> call, for code that
    /// inspects or times the model between epochs. <see cref="Train"/> is Start followed by every epoch.
    /// </summary>
    /// <inheritdoc cref="Train"/>
    public static TrainingSession Start(Dataset train, TrainerOptions options, Dataset? test = null, LogisticRegression? initial = null)
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
        return new TrainingSession(train, test, options, model);
    }

    /// <summary>
    /// Trains from a file without loading it: <see cref="StreamingTrainer.Train(string, int, TrainerOptions, LogisticRegression?)"/>.
    /// </summary>
    /// <inheritdoc cref="StreamingTrainer.Train(string, int, TrainerOptions, LogisticRegression?)"/>
    public static TrainingHistory TrainFromFile(string path, int columns, TrainerOptions options, LogisticRegression? initial = null) =>
        StreamingTrainer.Train(path, columns, options, initial);
}
