using System.Diagnostics;

namespace BatchTutorial;

/// <summary>One part of a job that <see cref="GradientWorkers"/> spreads over threads.</summary>
internal interface IPartJob
{
    /// <summary>Runs part <paramref name="part"/> (from 0) of the job; parts must not write to shared state.</summary>
    void RunPart(int part);
}

/// <summary>
/// Helper threads, started once per process and shared by every training run, that compute parts of a large batch's
/// gradient. Part 0 always runs on the calling thread, part i on helper i − 1.
/// </summary>
/// <remarks>
/// Between parts a helper spins for <see cref="SpinMicroseconds"/> µs, because the next batch usually follows within
/// a microsecond, and then blocks on a semaphore, so idle helpers use no CPU. Posting a job allocates nothing. Only one
/// run at a time uses the helpers (<see cref="TryAcquire"/>); a run that cannot get them computes every part itself, in
/// the same split, so its result does not depend on whether helpers were free.
/// </remarks>
internal sealed class GradientWorkers
{
    /// <summary>The most parts a batch is split into, whatever the number of processors.</summary>
    public const int MaxParts = 8;

    private const int SpinMicroseconds = 50;

    private static readonly Lazy<GradientWorkers> SharedInstance = new(() => new GradientWorkers(Math.Min(Environment.ProcessorCount, MaxParts) - 1));

    private readonly WorkerState[] _workers;
    private IPartJob? _job;
    private int _parts;
    private int _generation;
    private int _busy;
    private Exception? _failure;

    private GradientWorkers(int helperCount)
    {
        _workers = new WorkerState[helperCount];
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

    /// <summary>The helpers of this process: one fewer than the processors, at most <see cref="MaxParts"/> − 1.</summary>
    public static GradientWorkers Shared => SharedInstance.Value;

    /// <summary>The number of helper threads.</summary>
    public int HelperCount => _workers.Length;

    /// <summary>Takes the helpers for the calling run; returns false when another run is using them.</summary>
    public bool TryAcquire() => Interlocked.CompareExchange(ref _busy, 1, 0) == 0;

    /// <summary>Gives the helpers back after <see cref="TryAcquire"/> returned true.</summary>
    public void Release() => Volatile.Write(ref _busy, 0);

    /// <summary>
    /// Runs parts 0 … <paramref name="parts"/> − 1 of <paramref name="job"/> and returns when all are done. The caller
    /// must hold the helpers, and <paramref name="parts"/> must not exceed <see cref="HelperCount"/> + 1.
    /// </summary>
    public void Run(IPartJob job, int parts)
    {
        _job = job;
        _parts = parts;
        _failure = null;
        int generation = Interlocked.Increment(ref _generation);
        for (int i = 0; i < parts - 1; i++)
        {
            WorkerState worker = _workers[i];
            if (Volatile.Read(ref worker.Sleeping) == 1 && Interlocked.Exchange(ref worker.Sleeping, 0) == 1)
            {
                worker.Signal.Release();
            }
        }

        job.RunPart(0);

        for (int i = 0; i < parts - 1; i++)
        {
            WorkerState worker = _workers[i];
            SpinWait spinner = default;
            while (Volatile.Read(ref worker.Done) != generation)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }

        if (_failure is { } failure)
        {
            throw new AggregateException(failure);
        }
    }

    private void Work(int index)
    {
        WorkerState state = _workers[index];
        int seen = 0;
        while (true)
        {
            int generation = WaitForGeneration(state, seen);
            seen = generation;
            if (index + 1 < _parts)
            {
                try
                {
                    _job!.RunPart(index + 1);
                }
                catch (Exception error)
                {
                    _failure = error;
                }
            }

            Volatile.Write(ref state.Done, generation);
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
            // take the rest) still gets to post the next part.
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
        public int Done;
    }
}
