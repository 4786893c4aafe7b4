namespace AgentSpec;

/// <summary>A deploy's <c>autoscale { min max metric target }</c> block as written.</summary>
public sealed class DeployAutoscale
{
    public long? Min { get; internal set; }

    public long? Max { get; internal set; }

    public string? Metric { get; internal set; }

    public long? Target { get; internal set; }
}
