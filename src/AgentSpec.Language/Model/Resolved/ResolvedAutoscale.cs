namespace AgentSpec;

/// <summary>Autoscaling of a deploy with defaults applied (min 1, metric cpu, target 80).</summary>
public sealed class ResolvedAutoscale
{
    public long Min { get; internal init; } = 1;

    public long Max { get; internal init; }

    public string Metric { get; internal init; } = "cpu";

    public long Target { get; internal init; } = 80;
}
