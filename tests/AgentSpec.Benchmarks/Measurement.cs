using System.Diagnostics;

namespace AgentSpec.Benchmarks;

/// <summary>
/// Runs an action repeatedly on the current thread and reports the median throughput in MB/s. Time is CPU time (see
/// <see cref="CpuClock"/>: other load on the machine inflates it less than wall time); allocations are reported per run.
/// </summary>
internal static class Measurement
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(0.5);

    /// <summary>Runs an action for a while so that tiered compilation has produced optimised code before measuring.</summary>
    public static void Warm(Action action, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        for (var runs = 0; runs < 3 || watch.Elapsed < duration; runs++)
        {
            action();
        }
    }

    public static Figure Measure(long bytes, Action action, int iterations)
    {
        // Small inputs repeat within one sample so that every sample covers at least ~2 MB.
        var repeat = (int)Math.Max(1, 2_000_000 / Math.Max(bytes, 1));
        var once = action;
        action = () =>
        {
            for (var r = 0; r < repeat; r++)
            {
                once();
            }
        };
        bytes *= repeat;

        Warm(action, WarmUp);

        var cpuSeconds = new List<double>(iterations);
        var wallSeconds = new List<double>(iterations);
        long allocated = 0;
        for (var i = 0; i < iterations; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var cpuBefore = CpuClock.Now();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            allocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            cpuSeconds.Add(CpuClock.Now() - cpuBefore);
            wallSeconds.Add(watch.Elapsed.TotalSeconds);
        }

        return new Figure(bytes / 1_000_000.0 / Median(cpuSeconds), bytes / 1_000_000.0 / Median(wallSeconds), allocated / (double)iterations / bytes);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return Math.Max(values[values.Count / 2], 1e-9);
    }
}
