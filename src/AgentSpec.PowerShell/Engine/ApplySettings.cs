namespace AgentSpec.Commands.Engine;

/// <summary>The apply knobs of deployment spec §10.3.6, as the cmdlets bound them.</summary>
internal sealed class ApplySettings
{
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public int Parallelism { get; init; } = 4;

    public TimeSpan? HealthTimeout { get; init; }

    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public bool SkipHealthCheck { get; init; }

    /// <summary><c>-Context</c>, <c>-KubeConfig</c> and (when a plan is computed) <c>-BaseImage</c>.</summary>
    public TargetOptions Target { get; init; } = TargetOptions.None;

    /// <summary>Read the live objects first and plan their drift (<c>-Refresh</c>; only when the plan is computed here).</summary>
    public bool Refresh { get; init; }

    /// <summary>Destroy only: images stay, only their state entries are dropped (<c>-KeepImages</c>, §6.6).</summary>
    public bool KeepImages { get; init; }

    /// <summary>Destroy only: a namespace AgentSpec created stays (<c>-KeepNamespace</c>, §6.6).</summary>
    public bool KeepNamespace { get; init; }
}
