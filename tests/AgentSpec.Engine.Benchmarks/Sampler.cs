using System.Diagnostics;

namespace AgentSpec.Engine.Benchmarks;

/// <summary>Runs an operation a number of times (after warm-up runs) and collects wall time and allocated bytes per run.</summary>
internal static class Sampler
{
    public static Samples Measure(string name, int warmups, int iterations, Action action)
    {
        for (var i = 0; i < warmups; i++)
        {
            action();
        }

        var times = new List<double>();
        var allocations = new List<long>();
        for (var i = 0; i < iterations; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            allocations.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new Samples(name, times, allocations);
    }
}
