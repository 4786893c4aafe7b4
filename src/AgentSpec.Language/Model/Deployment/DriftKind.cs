namespace AgentSpec;

/// <summary>How a live object differs from its recorded state (deployment spec §9.3).</summary>
public enum DriftKind
{
    Missing,
    Modified,
    NotRunning,
    Unowned,
}
