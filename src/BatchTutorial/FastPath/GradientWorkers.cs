using System.Diagnostics;

namespace BatchTutorial;

/// <summary>A job cut into chunks that <see cref="GradientWorkers"/> spreads over threads.</summary>
internal interface IChunkedJob
{
    /// <summary>Runs chunk <paramref name="chunk"/> (from 0) of the job; chunks must not write to shared state.</summary>
    void RunChunk(int chunk);
}

/// <summary>
/// Helper threads, started once per process and shared by every training run, that compute chunks of a large batch's
/// gradient alongside the calling thread.
/// </summary>
/// <remarks>
/// The calling thread and the helpers take chunks from one counter until none are left, so a thread that is slow to
/// start (its core busy with another process, or still waking up) simply takes fewer chunks. A helper that stalls
/// inside a chunk still holds up that job, which is why <see cref="Run"/> reports it. Between jobs a helper spins for
/// <see cref="SpinMicroseconds"/> µs, because the next batch usually follows within a microsecond, and then blocks on
/// a semaphore, so idle helpers use no CPU. Posting a job allocates nothing. Only one run at a time uses the helpers
/// (<see cref="TryAcquire"/>); a run that cannot get them runs every chunk itself. Which thread ran a chunk never
/// changes the result, because each chunk writes only its own buffers.
/// </remarks>
internal sealed class GradientWorkers
{
    /// <summary>The most threads a batch is spread over, whatever the number of processors.</summary>
    public const int MaxThreads = 8;

    private const int SpinMicroseconds = 50;

    private static readonly Lazy<GradientWorkers> SharedInstance = new(() => new GradientWorkers(Math.Min(Environment.ProcessorCount, MaxThreads) - 1));

    private readonly WorkerState[] _workers;
    private IChunkedJob? _job;
    private int _chunks;
    private int _nextChunk;
    private int _finishedChunks;
    private int _generation;
    private int _busy;
    private Exception? _failure;

    private GradientWorkers(int helperCount)
    {
        _workers = new WorkerState[helperCount];
        _nextChunk = int.MaxValue;
        for (int i = 0; i < helperCount; i++)
        {
            _workers[i] = new WorkerState();
            int index = i;
            var thread = new Thread(() => Work(index))
            {
                IsBackground = true,
                Name = $"BatchTutorial gradient helper {index + 1}",
            };
            thread.Start();
        }
    }

    /// <summary>The helpers of this process: one fewer than the processors, at most <see cref="MaxThreads"/> − 1.</summary>
    public static GradientWorkers Shared => SharedInstance.Value;

    /// <summary>The number of helper threads.</summary>
    public int HelperCount => _workers.Length;

    /// <summary>Takes the helpers for the calling run; returns false when another run is using them.</summary>
    public bool TryAcquire() => Interlocked.CompareExchange(ref _busy, 1, 0) == 0;

    /// <summary>Gives the helpers back after <see cref="TryAcquire"/> returned true.</summary>
    public void Release() => Volatile.Write(ref _busy, 0);

    /// <summary>
    /// Runs chunks 0 … <paramref name="chunks"/> − 1 of <paramref name="job"/> on the calling thread and the helpers,
    /// and returns when all are done. The caller must hold the helpers.
    /// </summary>
    /// <returns>
    /// False when the calling thread waited longer for the helpers' last chunks than it spent on its own, a sign that
    /// the helpers' cores are busy with other processes: the caller then does better without them for a while.
    /// </returns>
    public bool Run(IChunkedJob job, int chunks)
    {
        // The job and the counts are written before the counter is reset, so a helper that takes a chunk from the
        // counter (an interlocked operation) reads this job, not the one before.
        _job = job;
        _chunks = chunks;
        _failure = null;
        Volatile.Write(ref _finishedChunks, 0);
        Interlocked.Exchange(ref _nextChunk, 0);
        Interlocked.Increment(ref _generation);
        foreach (WorkerState worker in _workers)
        {
            if (Volatile.Read(ref worker.Sleeping) == 1 && Interlocked.Exchange(ref worker.Sleeping, 0) == 1)
            {
                worker.Signal.Release();
            }
        }

        long started = Stopwatch.GetTimestamp();
        RunChunks();
        long ownDone = Stopwatch.GetTimestamp();

        SpinWait spinner = default;
        while (Volatile.Read(ref _finishedChunks) < chunks)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        if (_failure is { } failure)
        {
            throw new AggregateException(failure);
        }

        return Stopwatch.GetTimestamp() - ownDone <= ownDone - started;
    }

    /// <summary>Takes and runs chunks until the counter passes the last one.</summary>
    private void RunChunks()
    {
        int chunk;
        while ((chunk = Interlocked.Increment(ref _nextChunk) - 1) < Volatile.Read(ref _chunks))
        {
            try
            {
                _job!.RunChunk(chunk);
            }
            catch (Exception error)
            {
                _failure = error;
            }

            Interlocked.Increment(ref _finishedChunks);
        }
    }

    private void Work(int index)
    {
        WorkerState state = _workers[index];
        int seen = 0;
        while (true)
        {
            seen = WaitForGeneration(state, seen);
            RunChunks();
        }
    }

    private int WaitForGeneration(WorkerState state, int seen)
    {
        long spinUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency * SpinMicroseconds / 1_000_000;
        SpinWait spinner = default;
        int generation;
        while ((generation = Volatile.Read(ref _generation)) == seen)
        {
            // SpinOnce yields the processor now and then, so a caller that shares this core (when other processes
            // take the rest) still gets to post the next job.
            if (Stopwatch.GetTimestamp() < spinUntil)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
                continue;
            }

            // Announce the sleep before the last check: Run reads Sleeping after it bumps the generation, so either
            // this check sees the new generation or Run sees Sleeping = 1 and releases the semaphore.
            Interlocked.Exchange(ref state.Sleeping, 1);
            if (Volatile.Read(ref _generation) == seen)
            {
                state.Signal.Wait();
            }

            Interlocked.Exchange(ref state.Sleeping, 0);
        }

        return generation;
    }

    private sealed class WorkerState
    {
        public readonly SemaphoreSlim Signal = new(0);
        public int Sleeping;
    }
}
