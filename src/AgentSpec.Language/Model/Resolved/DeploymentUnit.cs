namespace AgentSpec;

/// <summary>One deploy unit (deployment spec §2.3): a deploy block, the agents it serves and its runtime configuration.</summary>
public sealed class DeploymentUnit
{
    /// <summary>The unit name <c>dnsLabel(package + "-" + deploy)</c> (deployment spec §3.1).</summary>
    public string Name { get; internal init; } = string.Empty;

    public string Deploy { get; internal init; } = string.Empty;

    public string Kind { get; internal init; } = string.Empty;

    /// <summary>The deploy settings with defaults applied.</summary>
    public ResolvedDeploy Settings { get; internal init; } = new();

    public IReadOnlyList<string> ServedAgents { get; internal init; } = Array.Empty<string>();

    public ResolvedConfiguration Configuration { get; internal init; } = new();

    public override string ToString() => $"{Name} ({Kind})";
}
