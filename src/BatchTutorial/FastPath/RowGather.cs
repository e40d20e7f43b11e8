using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BatchTutorial;

/// <summary>
/// Gathers the rows of one block of a shuffled epoch, in the epoch's order, into contiguous buffers. The block is cut
/// into <see cref="Parts"/> parts of whole batches that <see cref="GradientWorkers"/> spreads over threads. Each part
/// goes into the buffer of the slot that gathered it, so a part gathered twice (see <see cref="GradientWorkers"/>)
/// never writes into rows that another thread reads. Two sets of buffers let the caller train on one block while the
/// next is gathered into the other.
/// </summary>
/// <remarks>
/// NOTE: the buffers take Sets × threads × (one block) values, a block being about <see cref="BlockValues"/> values or
/// one batch per part when batches are larger: about 4 MB on 2 threads, but it grows with the square of the threads
/// when batches are large (up to about 64 MB on 8 threads at B·d = 32,768). Each slot needs a whole block because a
/// late helper may still write into its own buffer while another thread gathers the same part.
/// Rows in random order come from memory at a fraction of the streaming bandwidth, and each core keeps only so many
/// loads in flight. So two cores gather almost twice as fast as one (see the gather floors on 1 and 2 threads in
/// bench/RESULTS.md).
/// </remarks>
internal sealed class RowGather : IChunkedJob
{
    /// <summary>
    /// The values one block holds across its parts when a batch is smaller: 1 MB of doubles (256 KB a part on two
    /// threads).
    /// </summary>
    public const int BlockValues = 131_072;

    /// <summary>
    /// The 64-byte lines the copy keeps requested ahead of itself, so that many loads from memory overlap. More only
    /// queue behind the core's outstanding misses: at d = 100 (13 lines a row) 4 rows ahead gathered faster than 16.
    /// </summary>
    public const int LinesInFlight = 48;

    /// <summary>
    /// The maximum number of rows the copy prefetches ahead of itself (a row of d = 10 takes 2 lines, its label 1). The
    /// kernels that read through a permutation in place prefetch this many rows ahead.
    /// </summary>
    public const int LookAhead = 16;

    private readonly int _columns;
    private readonly int _threads;

    // Indexed [set][slot]: slot 0 is the calling thread, slot i helper i. And per set, the slot that owns each part.
    private readonly double[][][] _x;
    private readonly double[][][] _y;
    private readonly int[][] _owners;

    private ReadOnlyMemory<double> _sourceX;
    private ReadOnlyMemory<double> _sourceY;
    private ReadOnlyMemory<int> _order;
    private int _set;
    private int _start;
    private int _end;
    private GradientWorkers? _helpers;

    /// <summary>
    /// Creates empty buffers for <paramref name="threads"/> threads (the caller and the helpers that exist) and rows of
    /// <paramref name="columns"/> features. The first <see cref="Begin"/> sizes them.
    /// </summary>
    public RowGather(int columns, int threads)
    {
        _columns = columns;
        _threads = threads;
        _x = new double[Sets][][];
        _y = new double[Sets][][];
        _owners = new int[Sets][];
        for (int set = 0; set < Sets; set++)
        {
            _x[set] = new double[threads][];
            _y[set] = new double[threads][];
            _owners[set] = new int[MaxPartsPerThread * threads];
            for (int slot = 0; slot < threads; slot++)
            {
                _x[set][slot] = [];
                _y[set][slot] = [];
            }
        }
    }

    /// <summary>The number of buffer sets: one being trained on, one being gathered into.</summary>
    public const int Sets = 2;

    /// <summary>
    /// The maximum number of parts per thread a block is cut into, used when its batches are small. Finer parts balance
    /// the threads better at the end of a block: at N = 100,000, d = 100, B = 32, with epochs of each setting alternating
    /// in one process, 4 parts per thread took 7.1 ms a median epoch against 8.1 ms with 2 (2 to 7 % less at d = 10).
    /// </summary>
    public const int MaxPartsPerThread = 4;

    /// <summary>The minimum number of parts per thread, used when a block of <see cref="BlockValues"/> fits only a few batches.</summary>
    public const int MinPartsPerThread = 2;

    /// <summary>The number of parts the blocks of the current epoch are cut into (set by <see cref="Begin"/>).</summary>
    public int Parts { get; private set; }

    /// <summary>The rows of one part: whole batches, at least one.</summary>
    public int PartRows { get; private set; }

    /// <summary>The batches of one part.</summary>
    public int PartBatches { get; private set; }

    /// <summary>
    /// Sets the data and batches of the coming epoch and grows the buffers when a part needs more room (the first
    /// epoch only, for a fixed batch size). The memory must stay valid until <see cref="Clear"/>.
    /// </summary>
    public void Begin(ReadOnlyMemory<double> x, ReadOnlyMemory<double> y, ReadOnlyMemory<int> order, int batchSize, int batchCount, GradientWorkers? helpers)
    {
        _sourceX = x;
        _sourceY = y;
        _order = order;
        _helpers = helpers;

        // More parts only while they still fit in a block, so large batches keep the buffers as small as before.
        long batchesPerBlock = BlockValues / ((long)batchSize * _columns);
        Parts = (int)Math.Clamp(batchesPerBlock, MinPartsPerThread * _threads, MaxPartsPerThread * _threads);

        // Whole batches per part, and no more parts' worth of rows than the epoch has.
        int perPart = Math.Max(1, BlockValues / Parts / (batchSize * _columns));
        PartBatches = Math.Min(perPart, (batchCount + Parts - 1) / Parts);
        PartRows = PartBatches * batchSize;
        int rows = Parts * PartRows;
        // Every slot gets its buffers even when the helpers are busy elsewhere this epoch, so an epoch that does get
        // them later allocates nothing.
        for (int set = 0; set < Sets; set++)
        {
            for (int slot = 0; slot < _threads; slot++)
            {
                if (_y[set][slot].Length < rows)
                {
                    _x[set][slot] = new double[rows * _columns];
                    _y[set][slot] = new double[rows];
                }
            }
        }
    }

    /// <summary>Drops the references to the caller's data.</summary>
    public void Clear()
    {
        _sourceX = default;
        _sourceY = default;
        _order = default;
        _helpers = null;
    }

    /// <summary>
    /// Gathers positions [<paramref name="start"/>, <paramref name="end"/>) of the epoch, at most <see cref="Parts"/> ·
    /// <see cref="PartRows"/> rows, into buffer set <paramref name="set"/>. The calling thread first runs
    /// <paramref name="callerFirst"/> (training on the other set) while the helpers start gathering.
    /// </summary>
    public void Gather(int set, int start, int end, ICallerWork? callerFirst)
    {
        _set = set;
        _start = start;
        _end = end;
        if (_helpers is { } helpers)
        {
            helpers.Run(this, Parts, _threads, callerFirst);
            for (int part = 0; part < Parts; part++)
            {
                _owners[set][part] = helpers.Owner(part);
            }
        }
        else
        {
            callerFirst?.Run();
            for (int part = 0; part < Parts; part++)
            {
                RunChunk(part, slot: 0, ticket: default);
                _owners[set][part] = 0;
            }
        }
    }

    /// <summary>Returns the rows and labels of part <paramref name="part"/> of set <paramref name="set"/>, from the buffer of the slot that gathered it.</summary>
    public (Memory<double> X, Memory<double> Y) Part(int set, int part, int rows)
    {
        int slot = _owners[set][part];
        int first = part * PartRows;
        return (_x[set][slot].AsMemory(first * _columns, rows * _columns), _y[set][slot].AsMemory(first, rows));
    }

    /// <inheritdoc/>
    public void RunChunk(int part, int slot, ChunkTicket ticket)
    {
        ReadOnlyMemory<double> x = _sourceX;
        ReadOnlyMemory<double> y = _sourceY;
        ReadOnlyMemory<int> order = _order;
        int set = _set;
        int firstStart = _start;
        int lastEnd = _end;
        int partRows = PartRows;
        if (!ticket.IsCurrent)
        {
            return;
        }

        int start = Math.Min(firstStart + part * partRows, lastEnd);
        int end = Math.Min(start + partRows, lastEnd);
        if (start < end)
        {
            CopyRows(x.Span, y.Span, order.Span[start..end], _columns, _x[set][slot].AsSpan(part * partRows * _columns), _y[set][slot].AsSpan(part * partRows));
        }
    }

    /// <summary>
    /// Returns how many rows of <paramref name="d"/> features (and their labels) ahead of the copy are prefetched: about
    /// <see cref="LinesInFlight"/> cache lines, from 2 to <see cref="LookAhead"/> rows.
    /// </summary>
    public static int RowsAhead(int d) => Math.Clamp(LinesInFlight * 64 / ((d + 1) * sizeof(double)), 2, LookAhead);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Prefetch(ref double x, ref double y, int row, int d, int rows)
    {
        if ((uint)row < (uint)rows)
        {
            CacheHint.PrefetchRow(ref x, ref y, row, d);
        }
    }

    /// <summary>Copies rows order[0], order[1], … of X and y into the front of <paramref name="toX"/> and <paramref name="toY"/>; d ≥ 4.</summary>
    private static void CopyRows(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<int> order, int d, Span<double> toX, Span<double> toY)
    {
        // Checked once here and per row below (y[i]), so the unchecked copies stay inside x and toX.
        if ((long)y.Length * d > x.Length || (long)order.Length * d > toX.Length || order.Length > toY.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order.Length, Messages.Format(nameof(Messages.MustBeInRange), nameof(order), order.Length, 0, Math.Min(toY.Length, toX.Length / d)));
        }

        ref double from = ref MemoryMarshal.GetReference(x);
        ref double to = ref MemoryMarshal.GetReference(toX);
        ref double labels = ref MemoryMarshal.GetReference(y);
        nuint last = (nuint)(d - 4);
        int lookAhead = RowsAhead(d);
        int warm = Math.Min(lookAhead, order.Length);
        for (int p = 0; p < warm; p++)
        {
            Prefetch(ref from, ref labels, order[p], d, y.Length);
        }

        int prefetchEnd = order.Length - lookAhead;
        for (int p = 0; p < order.Length; p++)
        {
            if (p < prefetchEnd)
            {
                Prefetch(ref from, ref labels, order[p + lookAhead], d, y.Length);
            }

            int i = order[p];
            toY[p] = y[i];
            ref double source = ref Unsafe.Add(ref from, (nint)i * d);
            ref double target = ref Unsafe.Add(ref to, (nint)p * d);
            for (nuint j = 0; j < last; j += 4)
            {
                Vector256.LoadUnsafe(ref source, j).StoreUnsafe(ref target, j);
            }

            Vector256.LoadUnsafe(ref source, last).StoreUnsafe(ref target, last);
        }
    }
}
