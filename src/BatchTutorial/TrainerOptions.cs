namespace BatchTutorial;

/// <summary>
/// Settings of <see cref="Trainer"/>. One knob, <see cref="BatchSize"/>, selects the regime:
/// N for full-batch learning, 1 for online learning, anything between for mini-batch learning.
/// </summary>
public sealed record TrainerOptions
{
    /// <summary>Rows per update, at least 1. Default 32. A value above N gives one batch of N rows.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Passes over the training data, at least 1. Default 10.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>The step size lr of W ← W − lr·dW, a finite number above 0. Default 0.1.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Draw a new row order every epoch. Default false: rows in order, like the numpy loop <c>X[i:i+B]</c>.</summary>
    public bool Shuffle { get; init; }

    /// <summary>Seed of the row orders when <see cref="Shuffle"/> is set. Default 0.</summary>
    public long Seed { get; init; }

    /// <summary>Drop the last batch of an epoch when it is shorter than <see cref="BatchSize"/>. Default false.</summary>
    public bool DropLast { get; init; }

    /// <summary>Keep one <see cref="UpdateRecord"/> per update (with its batch loss). Default true.</summary>
    public bool RecordUpdates { get; init; } = true;

    /// <summary>Evaluate loss and accuracy on the full training (and test) data after each epoch. Default true.</summary>
    public bool RecordEpochMetrics { get; init; } = true;

    /// <summary>Keep W and b after every update (for trajectory plots). Default false.</summary>
    public bool RecordTrajectory { get; init; }

    /// <summary>
    /// Threads that share the gradient of one large batch (B·d of at least 4096 values): 0 (the default) for one per
    /// processor, at most 8; 1 for the calling thread only. Results depend on it only through rounding.
    /// </summary>
    public int Threads { get; init; }

    /// <summary>Called after each update, for example to print <c>Batch k updated.</c>; null for none.</summary>
    public Action<UpdateRecord>? OnUpdate { get; init; }

    /// <summary>Throws when a setting is out of range, naming it and the value received.</summary>
    public void Validate()
    {
        Guard.Positive(BatchSize, nameof(BatchSize));
        Guard.Positive(Epochs, nameof(Epochs));
        Guard.PositiveFinite(LearningRate, nameof(LearningRate));
        Guard.NotNegative(Threads, nameof(Threads));
    }
}
