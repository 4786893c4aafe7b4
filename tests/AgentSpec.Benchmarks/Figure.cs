namespace AgentSpec.Benchmarks;

/// <summary>One measurement: throughput on CPU time and on wall time (MB/s), and bytes allocated per input byte.</summary>
internal readonly record struct Figure(double CpuMegabytesPerSecond, double WallMegabytesPerSecond, double AllocatedPerByte)
{
    public override string ToString() => $"{CpuMegabytesPerSecond,7:F1} ({WallMegabytesPerSecond,5:F1}) {AllocatedPerByte,4:F0}x";
}
