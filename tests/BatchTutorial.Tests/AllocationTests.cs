namespace BatchTutorial.Tests;

/// <summary>Tests that measure the whole process's allocations, so no other test may run beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCollection
{
    public const string Name = "process-wide allocations";
}

[Collection(ProcessWideCollection.Name)]
public class AllocationTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(32, true)]
    [InlineData(4096, false)]
    [InlineData(4096, true)]
    [InlineData(int.MaxValue, true)]
    public void Process_allocations_per_epoch_do_not_grow_with_rows(int batchSize, bool shuffle)
    {
        // The helper threads count here too: GC.GetTotalAllocatedBytes covers every thread, including the test runner's,
        // which now and then reports earlier results during a window. So each size takes its quietest of five windows,
        // and the bound is a constant far below one array of N values.
        double small = AllocatedPerEpoch(20_000, batchSize, shuffle);
        double large = AllocatedPerEpoch(80_000, batchSize, shuffle);

        Assert.True(small <= 1024, $"{small} bytes per epoch at N = 20,000");
        Assert.True(large <= 1024, $"{large} bytes per epoch at N = 80,000");
    }

    private static double AllocatedPerEpoch(int rows, int batchSize, bool shuffle)
    {
        const int Epochs = 4;
        const int Windows = 5;
        TrainingSession session = Trainer.Start(Datasets.Synthetic(rows, 10, seed: 1), new TrainerOptions
        {
            BatchSize = batchSize,
            Epochs = Windows * Epochs + 2,
            Shuffle = shuffle,
            Threads = 2,
            RecordUpdates = false,
            RecordEpochMetrics = false,
        });
        session.RunEpoch();
        session.RunEpoch();

        double quietest = double.MaxValue;
        for (int window = 0; window < Windows; window++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            for (int e = 0; e < Epochs; e++)
            {
                session.RunEpoch();
            }

            quietest = Math.Min(quietest, (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Epochs);
        }

        return quietest;
    }
}
