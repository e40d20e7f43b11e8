using System.Diagnostics;

namespace BatchTutorial.Tests;

[Collection(ProcessWideCollection.Name)]
public class GradientWorkersTests
{
    [Fact]
    public void Caller_recomputes_chunks_of_a_stalled_helper()
    {
        GradientWorkers workers = GradientWorkers.Shared;
        if (workers.HelperCount == 0)
        {
            return; // one processor: there is no helper to stall
        }

        Assert.True(workers.TryAcquire(), "the helpers are in use by another run");
        try
        {
            // Helpers sleep 1.5 s in every chunk they take; the caller must not wait for them. The margin (1 s) leaves
            // room for a busy machine that pauses the caller's thread.
            var job = new RecordingJob(chunks: 8, helperDelayMs: 1500);
            var watch = Stopwatch.StartNew();

            workers.Run(job, 8, threads: 2);

            Assert.True(watch.ElapsedMilliseconds < 1000, $"Run waited {watch.ElapsedMilliseconds} ms for a stalled helper");
            for (int chunk = 0; chunk < 8; chunk++)
            {
                int owner = workers.Owner(chunk);
                Assert.Equal(10 * chunk + 1, job.Results[owner, chunk]);
            }

            // A second job runs correctly while a helper may still be inside a chunk of the first.
            var next = new RecordingJob(chunks: 8, helperDelayMs: 0);
            workers.Run(next, 8, threads: 2);
            for (int chunk = 0; chunk < 8; chunk++)
            {
                Assert.Equal(10 * chunk + 1, next.Results[workers.Owner(chunk), chunk]);
            }
        }
        finally
        {
            Thread.Sleep(1700); // let the sleeping helper finish before other tests use it
            workers.Release();
        }
    }

    [Fact]
    public void Caller_work_runs_first_on_the_calling_thread()
    {
        GradientWorkers workers = GradientWorkers.Shared;
        Assert.True(workers.TryAcquire(), "the helpers are in use by another run");
        try
        {
            var job = new RecordingJob(chunks: 6, helperDelayMs: 0);
            int callerChunksBefore = -1;
            var work = new CallerWork(() => callerChunksBefore = Enumerable.Range(0, 6).Count(c => job.Results[0, c] != 0));

            workers.Run(job, 6, threads: 2, work);

            Assert.Equal(Environment.CurrentManagedThreadId, work.ThreadId);
            Assert.Equal(0, callerChunksBefore);
            for (int chunk = 0; chunk < 6; chunk++)
            {
                Assert.Equal(10 * chunk + 1, job.Results[workers.Owner(chunk), chunk]);
            }
        }
        finally
        {
            workers.Release();
        }
    }

    [Fact]
    public void Caller_work_exception_passes_through_after_the_chunks()
    {
        GradientWorkers workers = GradientWorkers.Shared;
        Assert.True(workers.TryAcquire(), "the helpers are in use by another run");
        try
        {
            var job = new RecordingJob(chunks: 6, helperDelayMs: 0);
            var failing = new CallerWork(() => throw new InvalidOperationException("caller work failed"));

            var error = Assert.Throws<InvalidOperationException>(() => workers.Run(job, 6, threads: 2, failing));

            Assert.Equal("caller work failed", error.Message);
            for (int chunk = 0; chunk < 6; chunk++)
            {
                Assert.Equal(10 * chunk + 1, job.Results[workers.Owner(chunk), chunk]);
            }
        }
        finally
        {
            workers.Release();
        }
    }

    [Fact]
    public void Late_helper_failure_does_not_fail_next_run()
    {
        GradientWorkers workers = GradientWorkers.Shared;
        if (workers.HelperCount == 0)
        {
            return; // one processor: there is no helper to be late
        }

        Assert.True(workers.TryAcquire(), "the helpers are in use by another run");
        try
        {
            // The caller spends 50 ms in each chunk of the first run, so the helper surely takes one. The helper sleeps
            // 1 s in it, then finds its ticket stale and throws. The caller recomputes that chunk (the first run takes
            // about 250 ms) and starts a second run that takes about 1.2 s on the caller alone.
            var late = new LateHelperJob(helperDelayMs: 1000, callerDelayMs: 50);
            workers.Run(late, 4, threads: 2);
            var next = new RecordingJob(chunks: 6, helperDelayMs: 0, callerDelayMs: 200);

            workers.Run(next, 6, threads: 2);

            Assert.True(late.HelperFinished.Wait(TimeSpan.FromSeconds(5)), "the late helper never finished its chunk");
            Assert.False(late.TicketCurrentAfterDelay);
            for (int chunk = 0; chunk < 6; chunk++)
            {
                Assert.Equal(10 * chunk + 1, next.Results[workers.Owner(chunk), chunk]);
            }
        }
        finally
        {
            workers.Release();
        }
    }

    private sealed class LateHelperJob(int helperDelayMs, int callerDelayMs) : IChunkedJob
    {
        public ManualResetEventSlim HelperFinished { get; } = new();

        public bool? TicketCurrentAfterDelay { get; private set; }

        public void RunChunk(int chunk, int slot, ChunkTicket ticket)
        {
            if (slot == 0)
            {
                Thread.Sleep(callerDelayMs);
                return;
            }

            if (HelperFinished.IsSet)
            {
                return;
            }

            Thread.Sleep(helperDelayMs);
            TicketCurrentAfterDelay = ticket.IsCurrent;
            HelperFinished.Set();
            throw new InvalidOperationException("a late chunk failed after its run ended");
        }
    }

    private sealed class CallerWork(Action action) : ICallerWork
    {
        public int ThreadId { get; private set; }

        public void Run()
        {
            ThreadId = Environment.CurrentManagedThreadId;
            action();
        }
    }

    private sealed class RecordingJob(int chunks, int helperDelayMs, int callerDelayMs = 0) : IChunkedJob
    {
        public int[,] Results { get; } = new int[GradientWorkers.MaxThreads, chunks];

        public void RunChunk(int chunk, int slot, ChunkTicket ticket)
        {
            if (slot != 0 && helperDelayMs > 0)
            {
                Thread.Sleep(helperDelayMs);
            }

            if (slot == 0 && callerDelayMs > 0)
            {
                Thread.Sleep(callerDelayMs);
            }

            Results[slot, chunk] = 10 * chunk + 1;
        }
    }
}
