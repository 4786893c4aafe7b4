namespace AgentSpec;

/// <summary>How one resource's step of an apply or destroy ended.</summary>
public enum ApplyStatus
{
    Succeeded,
    Failed,
    Skipped,
    Cancelled,
}
