namespace BatchTutorial.Plots;

/// <summary>What the x-axis of a training curve counts.</summary>
public enum XAxisKind
{
    /// <summary>Parameter updates so far (<see cref="EpochRecord.Updates"/>, <see cref="UpdateRecord.Update"/>).</summary>
    Updates,

    /// <summary>Passes over the training data (<see cref="EpochRecord.Epoch"/>; a fraction of an epoch for single updates).</summary>
    Epochs,

    /// <summary>Rows processed so far (<see cref="EpochRecord.SamplesSeen"/>, <see cref="UpdateRecord.SamplesSeen"/>).</summary>
    SamplesSeen,

    /// <summary>Wall-clock seconds of training so far (<see cref="EpochRecord.TotalSeconds"/>); recorded per epoch only.</summary>
    Seconds,
}
