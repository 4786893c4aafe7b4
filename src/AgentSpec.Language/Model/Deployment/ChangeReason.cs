namespace AgentSpec;

/// <summary>Why a plan acts on a resource (deployment spec §3.5 and §9.3).</summary>
public enum ChangeReason
{
    None,
    NotInState,
    Interrupted,
    PreviouslyFailed,
    AttributesChanged,
    SecretRotated,
    ReplaceRequired,
    NotInConfiguration,
    DriftMissing,
    DriftModified,
    DriftNotRunning,
}
