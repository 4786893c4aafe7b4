namespace AgentSpec;

/// <summary>A recorded resource whose live object differs (only with <c>-Refresh</c>; deployment spec §9.3).</summary>
public sealed class ResourceDrift
{
    public string Address { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    public DriftKind Kind { get; init; }

    public IReadOnlyList<PropertyDiff> Diffs { get; init; } = Array.Empty<PropertyDiff>();

    public string? Detail { get; init; }

    public override string ToString() => $"{Address} ({Kind})";
}
