using System.Diagnostics;

namespace AgentSpec.Benchmarks;

/// <summary>Runs an action repeatedly on the current thread and reports the median throughput in MB/s.</summary>
internal static class Measurement
{
    public static double MegabytesPerSecond(long bytes, Action action, int iterations)
    {
        action(); // warm-up: JIT, tiering
        action();
        var seconds = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            action();
            seconds.Add(watch.Elapsed.TotalSeconds);
        }

        seconds.Sort();
        return bytes / 1_000_000.0 / seconds[seconds.Count / 2];
    }
}
