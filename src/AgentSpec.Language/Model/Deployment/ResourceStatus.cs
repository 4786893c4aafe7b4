namespace AgentSpec;

/// <summary>One recorded resource of a deployment with what is live now.</summary>
public sealed class ResourceStatus
{
    public string Address { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    /// <summary>The recorded status: pending, applied, failed or tainted.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>What the target reports now (running, exited, present, missing, not checked).</summary>
    public string Live { get; init; } = string.Empty;

    public string? Error { get; init; }

    public override string ToString() => $"{Address} {Status} ({Live})";
}
