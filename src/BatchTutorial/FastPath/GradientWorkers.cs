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
/// gradient. Part 0 runs on the calling thread; part i is offered to helper i − 1.
/// </summary>
/// <remarks>
/// Between parts a helper spins for <see cref="SpinMicroseconds"/> µs, because the next batch usually follows within
/// a microsecond, and then blocks on a semaphore, so idle helpers use no CPU. Posting a job allocates nothing.
/// A part goes to whichever thread claims it first: when the calling thread finishes its own part before a helper
/// has started (the helper's core is busy with another process, or the helper is asleep), it runs that part too, so
/// a loaded machine costs at most the single-thread time. Only one run at a time uses the helpers
/// (<see cref="TryAcquire"/>); a run that cannot get them computes every part itself. The split into parts is the
/// same either way, so results never depend on which thread ran a part.
/// </remarks>
internal sealed class GradientWorkers
{
    /// <summary>The most parts a batch is split into, whatever the number of processors.</summary>
    public const int MaxParts = 8;

    private const int SpinMicroseconds = 50;

    // States of a part within one Run call.
    private const int Posted = 0;
    private const int TakenByHelper = 1;
    private const int Finished = 2;
    private const int TakenByCaller = 3;

    private static readonly Lazy<GradientWorkers> SharedInstance = new(() => new GradientWorkers(Math.Min(Environment.ProcessorCount, MaxParts) - 1));

    private readonly WorkerState[] _workers;
    private readonly int[] _partStates;
    private IPartJob? _job;
    private int _parts;
    private int _generation;
    private int _busy;
    private Exception? _failure;

    private GradientWorkers(int helperCount)
    {
        _workers = new WorkerState[helperCount];
        _partStates = new int[helperCount + 1];
        Array.Fill(_partStates, Finished);
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
        for (int part = 1; part < parts; part++)
        {
            Volatile.Write(ref _partStates[part], Posted);
        }

        Interlocked.Increment(ref _generation);
        for (int i = 0; i < parts - 1; i++)
        {
            WorkerState worker = _workers[i];
            if (Volatile.Read(ref worker.Sleeping) == 1 && Interlocked.Exchange(ref worker.Sleeping, 0) == 1)
            {
                worker.Signal.Release();
            }
        }

        job.RunPart(0);

        for (int part = 1; part < parts; part++)
        {
            if (Interlocked.CompareExchange(ref _partStates[part], TakenByCaller, Posted) == Posted)
            {
                job.RunPart(part);
                continue;
            }

            SpinWait spinner = default;
            while (Volatile.Read(ref _partStates[part]) != Finished)
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
        int part = index + 1;
        int seen = 0;
        while (true)
        {
            seen = WaitForGeneration(state, seen);

            // The state of the part, not the generation, says whether there is work: a part the caller has already
            // taken is skipped.
            if (part < Volatile.Read(ref _parts) && Interlocked.CompareExchange(ref _partStates[part], TakenByHelper, Posted) == Posted)
            {
                try
                {
                    _job!.RunPart(part);
                }
                catch (Exception error)
                {
                    _failure = error;
                }

                Volatile.Write(ref _partStates[part], Finished);
            }
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
    }
}
