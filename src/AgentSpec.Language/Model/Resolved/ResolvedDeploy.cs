namespace AgentSpec;

/// <summary>The settings of one deploy block with the defaults of language spec §3.7 applied (§10.2).</summary>
public sealed class ResolvedDeploy
{
    public string Name { get; internal init; } = string.Empty;

    /// <summary>The target kind: <c>process</c>, <c>docker</c>, <c>docker-compose</c> or <c>kubernetes</c>.</summary>
    public string Target { get; internal init; } = string.Empty;

    public long Port { get; internal init; } = 8080;

    public long Replicas { get; internal init; } = 1;

    /// <summary>The image as written, else the target's default; null for the process target.</summary>
    public string? Image { get; internal init; }

    /// <summary>The Kubernetes namespace (kubernetes only, default <c>default</c>).</summary>
    public string? Namespace { get; internal init; }

    /// <summary>Null when no <c>resources</c> block is written.</summary>
    public ResolvedResources? Resources { get; internal init; }

    /// <summary>Null when no <c>health</c> block is written.</summary>
    public ResolvedHealth? Health { get; internal init; }

    /// <summary>Null when no <c>autoscale</c> block is written.</summary>
    public ResolvedAutoscale? Autoscale { get; internal init; }

    public IReadOnlyDictionary<string, string> Env { get; internal init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Environment variable → secret name.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; internal init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The served agents, in declaration order.</summary>
    public IReadOnlyList<string> Agents { get; internal init; } = Array.Empty<string>();

    public override string ToString() => $"{Name} ({Target})";
}
