namespace AgentSpec;

/// <summary>What a plan was computed against (deployment spec §5.3); apply refuses the plan when any of it changed.</summary>
public sealed class PlanSeal
{
    /// <summary>The state lineage, or null when no state existed.</summary>
    public string? StateLineage { get; init; }

    public long StateSerial { get; init; }

    public bool StateAbsent { get; init; }

    /// <summary>SHA-256 of a legacy state file, else null.</summary>
    public string? LegacyDigest { get; init; }

    /// <summary>The salt the plan generated for a state that does not exist yet (base64), else null.</summary>
    public string? SecretSalt { get; init; }

    public string? SpecHash { get; init; }

    public string DesiredHash { get; init; } = string.Empty;

    public string ToolVersion { get; init; } = string.Empty;

    public string? Environment { get; init; }

    public string Target { get; init; } = string.Empty;
}
