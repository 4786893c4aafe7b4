using System.Globalization;

namespace AgentSpec.Engine.Benchmarks;

/// <summary>The wall times (ms) and allocations (bytes) of the runs of one measured operation.</summary>
internal sealed record Samples(string Name, IReadOnlyList<double> Milliseconds, IReadOnlyList<long> AllocatedBytes)
{
    public double Median => Percentile(0.5);

    public double P90 => Percentile(0.9);

    public double MedianAllocatedMegabytes => AllocatedBytes.Order().ElementAt(AllocatedBytes.Count / 2) / 1048576.0;

    /// <summary>Nearest-rank percentile of the wall times.</summary>
    public double Percentile(double p)
    {
        var sorted = Milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public string Row(string target) => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Median,9:F1} | {P90,9:F1} | {MedianAllocatedMegabytes,8:F1} | {Milliseconds.Count} | {target} |");
}
