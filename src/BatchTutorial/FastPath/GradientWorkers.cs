using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace BatchTutorial;

/// <summary>A job cut into chunks that <see cref="GradientWorkers"/> spreads over threads.</summary>
internal interface IChunkedJob
{
    /// <summary>
    /// Runs chunk <paramref name="chunk"/> (from 0) into the buffers of <paramref name="slot"/> (0 for the calling
    /// thread, i for helper i). Two threads may run the same chunk, each into its own slot, so a chunk must write
    /// nothing outside its slot's buffers.
    /// </summary>
    /// <remarks>
    /// A helper may start a chunk so late that the caller has finished the job and changed the job's inputs. So a
    /// chunk copies the inputs it needs into locals first, then returns without work unless
    /// <paramref name="ticket"/> is still current.
    /// </remarks>
    void RunChunk(int chunk, int slot, ChunkTicket ticket);
}

/// <summary>The run of <see cref="GradientWorkers.Run"/> that a chunk was taken in.</summary>
internal readonly struct ChunkTicket(GradientWorkers? workers, int generation)
{
    /// <summary>
    /// Whether that run is still going, so that job inputs read before this check belong to it. Always true for a
    /// chunk that the caller runs without helpers (the default ticket).
    /// </summary>
    public bool IsCurrent
    {
        get
        {
            if (workers is null)
            {
                return true;
            }

            // The reads of the job's inputs must come before the check.
            Interlocked.MemoryBarrier();
            return workers.IsOpen(generation);
        }
    }
}

/// <summary>Work that the calling thread of <see cref="GradientWorkers.Run"/> does before it takes chunks.</summary>
internal interface ICallerWork
{
    /// <summary>Runs the work; it must not touch what the chunks write.</summary>
    void Run();
}

/// <summary>
/// Helper threads, started once per process and shared by every training run, that compute chunks of a large batch's
/// gradient alongside the calling thread.
/// </summary>
/// <remarks>
/// The calling thread and the helpers take chunks from one counter. When the calling thread runs out of chunks to
/// take, it waits for a chunk that a helper has started but not finished. It waits a few times as long as its own
/// chunks took on average, and then computes that chunk itself. So a helper whose core another process has taken (which happens
/// on a busy machine) costs about one chunk, not a whole scheduler time slice. The first thread to finish a chunk records it as the owner of
/// the result (<see cref="Owner"/>), and the caller reads that slot's buffers. Every chunk computes the same values
/// whichever thread runs it, so results never depend on timing.
/// Between jobs a helper spins for <see cref="SpinMicroseconds"/> µs, because the next batch usually follows within
/// a microsecond, and then blocks on a semaphore, so idle helpers use no CPU. Posting a job allocates nothing. Only
/// one run at a time uses the helpers (<see cref="TryAcquire"/>); a run that cannot get them runs every chunk itself.
/// </remarks>
internal sealed class GradientWorkers
{
    /// <summary>The most threads a batch is spread over, whatever the number of processors.</summary>
    public const int MaxThreads = 8;

    private const int SpinMicroseconds = 20;

    // How many times its own mean chunk time the caller waits for a helper's chunk before computing it itself. Chunks
    // that read rows in random order vary a lot in time, and a chunk computed twice doubles its memory traffic, which
    // slows the other thread too. With a factor of 1, some runs of shuffled epochs at d = 10 and 100 redid 17 to 33
    // chunks per epoch and ran 30 to 40 % slower, and with 4 they redid at most 0.3 per epoch. A helper that lost its
    // core stalls for a scheduler time slice (milliseconds), far longer than 4 chunks, so it is still caught.
    private const int LateFactor = 4;

    private static readonly Lazy<GradientWorkers> SharedInstance = new(() => new GradientWorkers(Math.Min(Environment.ProcessorCount, MaxThreads) - 1));

    private readonly WorkerState[] _workers;

    // Per chunk: generation × 16 + slot + 1 of the thread that finished it first; a smaller generation means not yet.
    private readonly long[] _owners = new long[MaxChunks];
    private IChunkedJob? _job;
    private int _chunks;
    private int _threads;

    // The next chunk to take, as generation << 32 | chunk. A helper still working for an earlier generation reads
    // another generation here and stops, so it never takes a chunk of a later job.
    private long _next;
    private int _generation;

    // The generation whose Run has not returned yet, or 0.
    private int _openGeneration;
    private int _busy;
    private Failure? _failure;

    // The time and count of the chunks finished in the current generation, for a caller that ran none itself.
    private long _chunkTicks;
    private int _chunkCount;

    private GradientWorkers(int helperCount)
    {
        _workers = new WorkerState[helperCount];
        for (int i = 0; i < helperCount; i++)
        {
            _workers[i] = new WorkerState();
            int slot = i + 1;
            var thread = new Thread(() => Work(slot))
            {
                IsBackground = true,
                Name = $"BatchTutorial gradient helper {slot}",
            };
            thread.Start();
        }
    }

    /// <summary>The most chunks one job may have.</summary>
    public const int MaxChunks = 64;

    /// <summary>The helpers of this process: one fewer than the processors, at most <see cref="MaxThreads"/> − 1.</summary>
    public static GradientWorkers Shared => SharedInstance.Value;

    /// <summary>The number of helper threads.</summary>
    public int HelperCount => _workers.Length;

    /// <summary>Takes the helpers for the calling run; returns false when another run is using them.</summary>
    public bool TryAcquire() => Interlocked.CompareExchange(ref _busy, 1, 0) == 0;

    /// <summary>Gives the helpers back after <see cref="TryAcquire"/> returned true.</summary>
    public void Release() => Volatile.Write(ref _busy, 0);

    /// <summary>Returns the slot whose buffers hold chunk <paramref name="chunk"/> of the last <see cref="Run"/>.</summary>
    public int Owner(int chunk) => (int)(Volatile.Read(ref _owners[chunk]) & 15) - 1;

    /// <summary>
    /// Runs chunks 0 … <paramref name="chunks"/> − 1 (at most <see cref="MaxChunks"/>) of <paramref name="job"/> on the
    /// calling thread and helpers 1 … <paramref name="threads"/> − 1, and returns when every chunk has a result. The
    /// caller must hold the helpers.
    /// </summary>
    /// <param name="job">The job whose chunks run.</param>
    /// <param name="chunks">The number of chunks.</param>
    /// <param name="threads">The calling thread and the helpers to use.</param>
    /// <param name="callerFirst">Work the calling thread does before it takes chunks, while the helpers start on them; or null.</param>
    public void Run(IChunkedJob job, int chunks, int threads, ICallerWork? callerFirst = null)
    {
        // The job, the count and the counter are written before the generation, so a helper that reads the new
        // generation takes chunks of this job. Only the holder of the helpers calls Run, so _generation has one writer.
        int generation = _generation + 1;
        _job = job;
        _chunks = chunks;
        _threads = threads;
        _failure = null;
        _chunkTicks = 0;
        _chunkCount = 0;
        Volatile.Write(ref _openGeneration, generation);
        Interlocked.Exchange(ref _next, (long)generation << 32);
        Interlocked.Exchange(ref _generation, generation);
        for (int helper = 0; helper < Math.Min(threads - 1, _workers.Length); helper++)
        {
            WorkerState worker = _workers[helper];
            if (Volatile.Read(ref worker.Sleeping) == 1 && Interlocked.Exchange(ref worker.Sleeping, 0) == 1)
            {
                worker.Signal.Release();
            }
        }

        ExceptionDispatchInfo? callerFailure = null;
        try
        {
            callerFirst?.Run();
        }
        catch (Exception error)
        {
            // The chunks still run to the end, so no helper writes into the job's buffers after this call returns,
            // except one that runs late (see the remarks of the class). Then the caller's exception goes on unchanged.
            callerFailure = ExceptionDispatchInfo.Capture(error);
        }

        long started = Stopwatch.GetTimestamp();
        int own = RunChunks(generation, slot: 0);
        long perChunk = own > 0 ? (Stopwatch.GetTimestamp() - started) / own : HelperTimePerChunk();

        for (int chunk = 0; chunk < chunks; chunk++)
        {
            // Spin without yielding: on a busy machine a yielded core may not come back for milliseconds, and the wait
            // is bounded anyway.
            long waitUntil = Stopwatch.GetTimestamp() + perChunk * LateFactor;
            while (!IsFinished(chunk, generation) && Stopwatch.GetTimestamp() < waitUntil)
            {
                Thread.SpinWait(8);
            }

            if (!IsFinished(chunk, generation))
            {
                // The helper holding it is late: compute the chunk here, into this thread's slot.
                RunOne(job, chunk, generation, slot: 0);
            }
        }

        // Every chunk has a result. A helper that is still inside a chunk finds its ticket no longer current.
        Volatile.Write(ref _openGeneration, 0);
        callerFailure?.Throw();
        if (_failure is { } failure && failure.Generation == generation)
        {
            throw new AggregateException(failure.Error);
        }
    }

    /// <summary>Returns whether the Run of <paramref name="generation"/> has not returned yet.</summary>
    public bool IsOpen(int generation) => Volatile.Read(ref _openGeneration) == generation;

    /// <summary>
    /// Returns the mean time of the chunks finished so far in this generation, for a caller that ran none itself (it
    /// was busy with its own work), or 0 before any chunk is finished.
    /// </summary>
    private long HelperTimePerChunk()
    {
        int count = Volatile.Read(ref _chunkCount);
        return count > 0 ? Volatile.Read(ref _chunkTicks) / count : 0;
    }

    private bool IsFinished(int chunk, int generation) => Volatile.Read(ref _owners[chunk]) >> 4 == generation;

    /// <summary>Takes and runs chunks of <paramref name="generation"/> until none are left; returns how many it ran.</summary>
    private int RunChunks(int generation, int slot)
    {
        int ran = 0;
        while (true)
        {
            long next = Volatile.Read(ref _next);
            int chunk = (int)next;
            if ((int)(next >> 32) != generation || chunk >= Volatile.Read(ref _chunks))
            {
                return ran;
            }

            // The job is read before the claim, so a successful claim proves it is this generation's job.
            IChunkedJob job = _job!;
            if (Interlocked.CompareExchange(ref _next, next + 1, next) == next)
            {
                RunOne(job, chunk, generation, slot);
                ran++;
            }
        }
    }

    private void RunOne(IChunkedJob job, int chunk, int generation, int slot)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            job.RunChunk(chunk, slot, new ChunkTicket(this, generation));
        }
        catch (Exception error)
        {
            // Recorded with its generation: Run reports only a failure of its own chunks.
            _failure = new Failure(generation, error);
        }

        if (IsOpen(generation))
        {
            Interlocked.Add(ref _chunkTicks, Stopwatch.GetTimestamp() - started);
            Interlocked.Increment(ref _chunkCount);
        }

        // The first thread to finish the chunk in this generation becomes its owner; a late or stale result is dropped.
        long finished = ((long)generation << 4) | (long)(slot + 1);
        long current = Volatile.Read(ref _owners[chunk]);
        while (current >> 4 < generation)
        {
            long seen = Interlocked.CompareExchange(ref _owners[chunk], finished, current);
            if (seen == current)
            {
                break;
            }

            current = seen;
        }
    }

    private void Work(int slot)
    {
        WorkerState state = _workers[slot - 1];
        int seen = 0;
        while (true)
        {
            seen = WaitForGeneration(state, seen);
            if (slot < Volatile.Read(ref _threads))
            {
                RunChunks(seen, slot);
            }
        }
    }

    private int WaitForGeneration(WorkerState state, int seen)
    {
        long spinUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency * SpinMicroseconds / 1_000_000;

        int generation;
        while ((generation = Volatile.Read(ref _generation)) == seen)
        {
            // A plain spin without yielding: Thread.Yield costs microseconds, and with it the hand-over of a batch at
            // B = 1024, d = 100 measured 2.7 to 3.0 ms per epoch against 2.3 to 2.4 ms. The spin lasts at most
            // SpinMicroseconds, so a caller that shares this core waits at most that long to post the next job.
            if (Stopwatch.GetTimestamp() < spinUntil)
            {
                Thread.SpinWait(4);
                continue;
            }

            // Announce the sleep before the last check: Run reads Sleeping after it bumps the generation, so either
            // this check reads the new generation or Run reads Sleeping = 1 and releases the semaphore.
            Interlocked.Exchange(ref state.Sleeping, 1);
            if (Volatile.Read(ref _generation) == seen)
            {
                state.Signal.Wait();
            }

            Interlocked.Exchange(ref state.Sleeping, 0);
        }

        return generation;
    }

    private sealed record Failure(int Generation, Exception Error);

    private sealed class WorkerState
    {
        public readonly SemaphoreSlim Signal = new(0);
        public int Sleeping;
    }
}
