using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BatchTutorial.Tests;

public class BatchPlanTests
{
    [Fact]
    public void Sequential_mirrors_numpy_slices()
    {
        // for i in range(0, 100, 20): X[i:i+20]  ->  0:20, 20:40, 40:60, 60:80, 80:100
        Batch[] batches = BatchPlan.Sequential(100, 20).ToArray();

        Assert.Equal([0, 20, 40, 60, 80], batches.Select(b => b.Start));
        Assert.All(batches, b => Assert.Equal(20, b.Count));
        Assert.Equal(100, batches[^1].End);
    }

    [Fact]
    public void Last_short_batch_is_kept()
    {
        Batch[] batches = BatchPlan.Sequential(1000, 300).ToArray();

        Assert.Equal([300, 300, 300, 100], batches.Select(b => b.Count));
    }

    [Fact]
    public void Drop_last_removes_the_short_batch()
    {
        Batch[] batches = BatchPlan.Sequential(1000, 300, dropLast: true).ToArray();

        Assert.Equal([300, 300, 300], batches.Select(b => b.Count));
        Assert.Equal(3, BatchPlan.CountBatches(1000, 300, dropLast: true));
    }

    [Theory]
    [InlineData(1000, 1000, 1)]
    [InlineData(1000, 1, 1000)]
    [InlineData(1000, 100, 10)]
    [InlineData(1000, 300, 4)]
    [InlineData(5, 2, 3)]
    [InlineData(7, 50, 1)]
    public void Batches_per_epoch_is_ceiling_of_n_over_b(int n, int b, int expected)
    {
        Assert.Equal(expected, BatchPlan.CountBatches(n, b));
        Assert.Equal(expected, BatchPlan.Create(n, b).BatchesPerEpoch);
    }

    [Fact]
    public void Updates_over_epochs_multiply()
    {
        // N = 1234, B = 100: ceil(12.34) = 13 batches per epoch, 39 over 3 epochs.
        Assert.Equal(39, BatchPlan.Create(1234, 100).CountUpdates(3));
    }

    [Fact]
    public void Batch_larger_than_n_gives_one_batch_of_n()
    {
        Batch only = Assert.Single(BatchPlan.Sequential(7, 50));

        Assert.Equal(new Batch(0, 0, 7), only);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Nonpositive_batch_size_throws_at_the_call(int batchSize)
    {
        // The enumerable is never enumerated: the check must run when the method is called.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BatchPlan.Sequential(10, batchSize));

        Assert.Equal("batchSize", error.ParamName);
        Assert.Equal(batchSize, error.ActualValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchPlan.Create(10, batchSize));
    }

    [Fact]
    public void Shuffled_epochs_differ_and_repeat_with_the_seed()
    {
        int[][] first = BatchPlan.Create(50, 10, shuffle: true, seed: 7).EpochOrders(3);
        int[][] again = BatchPlan.Create(50, 10, shuffle: true, seed: 7).EpochOrders(3);
        int[][] other = BatchPlan.Create(50, 10, shuffle: true, seed: 8).EpochOrders(3);

        Assert.Equal(first, again);
        Assert.NotEqual(first[0], first[1]);
        Assert.NotEqual(first[1], first[2]);
        Assert.NotEqual(first[0], other[0]);
    }

    [Fact]
    public void Shuffled_order_is_fixed_across_machines()
    {
        // Expected: Reference/splitmix_shuffle.py (SplitMix64 + Fisher-Yates in Python integers), so the order is a
        // property of the algorithm, not of the .NET runtime's Random.
        int[] order = BatchPlan.Create(10, 3, shuffle: true, seed: 42).EpochOrders(1)[0];

        Assert.Equal([0, 9, 5, 8, 6, 4, 7, 2, 1, 3], order);
    }

    [Fact]
    public void Permutations_match_reference_checksums()
    {
        // Expected: the second and third lines of Reference/splitmix_shuffle.py, the checksum Σ p·order[p] of three
        // permutations of 1000 rows drawn from one generator, then its next output. Permutation keeps the state in a
        // local, so this checks that it draws exactly as NextInt would and leaves the state where NextInt would.
        var random = new SeededRandom(7);
        int[] order = new int[1000];
        long[] checksums = new long[3];
        for (int e = 0; e < 3; e++)
        {
            random.Permutation(order);
            checksums[e] = order.Select((row, p) => (long)p * row).Sum();
        }

        Assert.Equal([251_193_576L, 250_292_492L, 248_703_014L], checksums);
        Assert.Equal(15_282_505_412_800_033_512UL, random.NextUInt64());
    }

    [Property(MaxTest = 300)]
    public Property Every_index_appears_once_per_epoch(PositiveInt n, PositiveInt b, int seed, bool shuffle)
    {
        int rows = n.Get % 500 + 1;
        int batchSize = b.Get % 600 + 1;
        BatchPlan plan = BatchPlan.Create(rows, batchSize, shuffle, seed);

        IReadOnlyList<IReadOnlyList<int[]>> epochs = plan.BatchRows(epochs: 2);

        return epochs.All(batches => batches.SelectMany(r => r).Order().SequenceEqual(Enumerable.Range(0, rows))).ToProperty();
    }

    [Property(MaxTest = 300)]
    public Property Sizes_sum_to_n_and_only_the_last_is_short(PositiveInt n, PositiveInt b)
    {
        int rows = n.Get % 500 + 1;
        int batchSize = b.Get % 600 + 1;
        IReadOnlyList<Batch> batches = BatchPlan.Create(rows, batchSize).Batches();

        int effective = Math.Min(batchSize, rows);
        bool sumIsN = batches.Sum(x => x.Count) == rows;
        bool fullBeforeLast = batches.Take(batches.Count - 1).All(x => x.Count == effective);
        bool lastSize = batches[^1].Count == (rows % effective == 0 ? effective : rows % effective);
        bool count = batches.Count == (rows + effective - 1) / effective;
        return (sumIsN && fullBeforeLast && lastSize && count).ToProperty();
    }

    [Property(MaxTest = 200)]
    public Property Drop_last_keeps_only_full_batches(PositiveInt n, PositiveInt b)
    {
        int rows = n.Get % 500 + 1;
        int batchSize = b.Get % 600 + 1;
        IReadOnlyList<Batch> batches = BatchPlan.Create(rows, batchSize, dropLast: true).Batches();

        int effective = Math.Min(batchSize, rows);
        return (batches.Count == rows / effective && batches.All(x => x.Count == effective)).ToProperty();
    }
}
