namespace AgentSpec.Engine.Apply;

/// <summary>
/// What a provider reads live for one recorded resource. <see cref="Diffs"/> are the owned paths that differ from the
/// recorded attributes (recorded → live); <see cref="Unreadable"/> means the target could not be asked at all.
/// </summary>
public sealed record LiveResource(bool Exists, bool Running, string Description, DeploymentHealth Health = DeploymentHealth.Unknown, string? HealthDetail = null)
{
    public IReadOnlyList<PropertyDiff> Diffs { get; init; } = Array.Empty<PropertyDiff>();

    public bool Unreadable { get; init; }
}
