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
            // Helpers sleep 300 ms in every chunk they take; the caller must not wait for them.
            var job = new RecordingJob(chunks: 8, helperDelayMs: 300);
            var watch = Stopwatch.StartNew();

            workers.Run(job, 8, threads: 2);

            Assert.True(watch.ElapsedMilliseconds < 250, $"Run waited {watch.ElapsedMilliseconds} ms for a stalled helper");
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
            Thread.Sleep(700); // let the sleeping helper finish before other tests use it
            workers.Release();
        }
    }

    private sealed class RecordingJob(int chunks, int helperDelayMs) : IChunkedJob
    {
        public int[,] Results { get; } = new int[GradientWorkers.MaxThreads, chunks];

        public void RunChunk(int chunk, int slot)
        {
            if (slot != 0 && helperDelayMs > 0)
            {
                Thread.Sleep(helperDelayMs);
            }

            Results[slot, chunk] = 10 * chunk + 1;
        }
    }
}
