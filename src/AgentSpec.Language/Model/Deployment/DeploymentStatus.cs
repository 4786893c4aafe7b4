namespace AgentSpec;

/// <summary>What <c>Get-AgentSpecDeployment</c> reports for one recorded target: state plus live health.</summary>
public sealed class DeploymentStatus
{
    public string Target { get; init; } = string.Empty;

    public string Kind { get; init; } = string.Empty;

    public string Package { get; init; } = string.Empty;

    public string PackageVersion { get; init; } = string.Empty;

    public string? Environment { get; init; }

    public long Serial { get; init; }

    public DateTimeOffset? LastApplied { get; init; }

    public DeploymentHealth Health { get; init; }

    public string? HealthDetail { get; init; }

    public string? Endpoint { get; init; }

    public string? Replicas { get; init; }

    public IReadOnlyList<ResourceStatus> Resources { get; init; } = Array.Empty<ResourceStatus>();

    public string StatePath { get; init; } = string.Empty;

    public override string ToString() => $"{Target} ({Kind}) {Health}";
}
