namespace BatchTutorial;

/// <summary>One batch of an epoch: positions [Start, Start + Count) of that epoch's row order.</summary>
/// <param name="Step">The batch's number within the epoch, from 0.</param>
/// <param name="Start">The first position in the epoch's row order.</param>
/// <param name="Count">The rows actually in this batch (the last batch may be shorter than the batch size).</param>
public readonly record struct Batch(int Step, int Start, int Count)
{
    /// <summary>The position just past the batch, like the end of the numpy slice X[Start:End].</summary>
    public int End => Start + Count;
}

/// <summary>
/// How one epoch of N samples is cut into batches of B rows, and in which row order.
/// </summary>
/// <remarks>
/// Sequential mode takes rows in order, like numpy's <c>X[i:i+B]</c> for i = 0, B, 2B, ….
/// Shuffled mode draws one permutation per epoch from a <see cref="SeededRandom"/>: epoch e uses the e-th
/// permutation drawn from the seed, so the same seed gives the same epochs on every machine. The permutation
/// indexes rows of X and y alike; the caller's arrays are never reordered or copied.
/// The last short batch (N mod B rows) is kept unless <see cref="DropLast"/> is set.
/// B = N is full-batch learning, B = 1 online learning, and B &gt; N gives one batch of N rows.
/// </remarks>
public sealed class BatchPlan
{
    private readonly SeededRandom? _random;

    private BatchPlan(int sampleCount, int batchSize, bool shuffle, long seed, bool dropLast)
    {
        SampleCount = sampleCount;
        BatchSize = batchSize;
        Shuffle = shuffle;
        Seed = seed;
        DropLast = dropLast;
        _random = shuffle ? new SeededRandom(seed) : null;
    }

    /// <summary>The number of samples N in one epoch.</summary>
    public int SampleCount { get; }

    /// <summary>The requested batch size B (rows per update); a batch contains at most N rows.</summary>
    public int BatchSize { get; }

    /// <summary>Whether each epoch takes the rows in a fresh random order.</summary>
    public bool Shuffle { get; }

    /// <summary>The seed of the permutations (used only when <see cref="Shuffle"/> is set).</summary>
    public long Seed { get; }

    /// <summary>Whether the last batch is dropped when it has fewer than B rows.</summary>
    public bool DropLast { get; }

    /// <summary>Batches (updates) per epoch: ceil(N / B), or floor(N / B) with drop-last; 1 when B ≥ N.</summary>
    public int BatchesPerEpoch => CountBatches(SampleCount, BatchSize, DropLast);

    /// <summary>
    /// Creates a plan. Throws at once (not at first use) when N or B is not positive.
    /// </summary>
    /// <param name="sampleCount">N, the number of samples; at least 1.</param>
    /// <param name="batchSize">B, rows per update; at least 1. B = N gives full-batch learning, B = 1 online learning.</param>
    /// <param name="shuffle">Draw a new row order each epoch (default: take rows in order).</param>
    /// <param name="seed">Seed of the row orders; the same seed gives the same orders everywhere.</param>
    /// <param name="dropLast">Drop the last batch when it is shorter than B (default: keep it).</param>
    public static BatchPlan Create(int sampleCount, int batchSize, bool shuffle = false, long seed = 0, bool dropLast = false)
    {
        Guard.Positive(sampleCount, nameof(sampleCount));
        Guard.Positive(batchSize, nameof(batchSize));
        return new BatchPlan(sampleCount, batchSize, shuffle, seed, dropLast);
    }

    /// <summary>Returns ceil(N / B), or floor(N / B) with drop-last, where B is capped at N.</summary>
    public static int CountBatches(int sampleCount, int batchSize, bool dropLast = false)
    {
        Guard.Positive(sampleCount, nameof(sampleCount));
        Guard.Positive(batchSize, nameof(batchSize));
        int b = Math.Min(batchSize, sampleCount);
        return dropLast ? sampleCount / b : (sampleCount + b - 1) / b;
    }

    /// <summary>Returns the number of updates over <paramref name="epochs"/> epochs: epochs × batches per epoch.</summary>
    public long CountUpdates(int epochs)
    {
        Guard.Positive(epochs, nameof(epochs));
        return (long)epochs * BatchesPerEpoch;
    }

    /// <summary>Returns the batches of one epoch as position ranges, in order; the same for every epoch.</summary>
    public IReadOnlyList<Batch> Batches()
    {
        int count = BatchesPerEpoch;
        var batches = new Batch[count];
        for (int k = 0; k < count; k++)
        {
            batches[k] = GetBatch(k);
        }

        return batches;
    }

    /// <summary>Returns batch <paramref name="step"/> (from 0) of an epoch without allocating.</summary>
    public Batch GetBatch(int step)
    {
        if ((uint)step >= (uint)BatchesPerEpoch)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, Messages.Format(nameof(Messages.MustBeInRange), nameof(step), step, 0, BatchesPerEpoch - 1));
        }

        int b = Math.Min(BatchSize, SampleCount);
        int start = step * b;
        return new Batch(step, start, Math.Min(b, SampleCount - start));
    }

    /// <summary>
    /// Writes the row order of the next epoch into <paramref name="order"/> (length N): 0, 1, …, N − 1 in sequential
    /// mode, else the next permutation drawn from the seed. Call it once per epoch, in epoch order.
    /// </summary>
    public void NextEpochOrder(Span<int> order)
    {
        Guard.Length(order.Length, SampleCount, nameof(order));
        if (_random is null)
        {
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }
        }
        else
        {
            _random.Permutation(order);
        }

    }

    /// <summary>Returns the row orders of the first <paramref name="epochs"/> epochs of a fresh plan with these settings.</summary>
    public int[][] EpochOrders(int epochs)
    {
        Guard.Positive(epochs, nameof(epochs));
        var fresh = new BatchPlan(SampleCount, BatchSize, Shuffle, Seed, DropLast);
        var orders = new int[epochs][];
        for (int e = 0; e < epochs; e++)
        {
            orders[e] = new int[SampleCount];
            fresh.NextEpochOrder(orders[e]);
        }

        return orders;
    }

    /// <summary>
    /// Returns the row indices of every batch of the first <paramref name="epochs"/> epochs, for drawing and teaching;
    /// the trainer uses <see cref="NextEpochOrder"/> and <see cref="GetBatch"/> without allocating.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int[]>> BatchRows(int epochs = 1)
    {
        int[][] orders = EpochOrders(epochs);
        var result = new List<IReadOnlyList<int[]>>(epochs);
        foreach (int[] order in orders)
        {
            var rows = new List<int[]>(BatchesPerEpoch);
            foreach (Batch batch in Batches())
            {
                rows.Add(order[batch.Start..batch.End]);
            }

            result.Add(rows);
        }

        return result;
    }

    /// <summary>
    /// Enumerates the sequential batches of N samples as ranges, like <c>for i in range(0, N, B)</c> in numpy.
    /// Arguments are checked when this method is called, not at the first MoveNext.
    /// </summary>
    public static IEnumerable<Batch> Sequential(int sampleCount, int batchSize, bool dropLast = false)
    {
        BatchPlan plan = Create(sampleCount, batchSize, dropLast: dropLast);
        return Enumerate(plan);
    }

    private static IEnumerable<Batch> Enumerate(BatchPlan plan)
    {
        for (int k = 0; k < plan.BatchesPerEpoch; k++)
        {
            yield return plan.GetBatch(k);
        }
    }
}
