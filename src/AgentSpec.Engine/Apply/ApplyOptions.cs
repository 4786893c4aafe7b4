namespace AgentSpec.Engine.Apply;

/// <summary>The knobs of an apply (deployment spec §10.3.6).</summary>
public sealed class ApplyOptions
{
    public int Parallelism { get; init; } = 4;

    /// <summary>Null = the target's default (process: 60 s).</summary>
    public TimeSpan? HealthTimeout { get; init; }

    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public bool SkipHealthCheck { get; init; }
}
