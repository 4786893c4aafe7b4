namespace AgentSpec;

/// <summary>
/// The category of an <see cref="AgentSpecException"/> (deployment spec §10.2). The names equal those of PowerShell's
/// <c>ErrorCategory</c>, which the cmdlets map them to; the Language library does not reference PowerShell.
/// </summary>
public enum AgentSpecErrorCategory
{
    NotSpecified,
    ObjectNotFound,
    InvalidData,
    InvalidArgument,
    InvalidOperation,
    InvalidResult,
    SecurityError,
    WriteError,
    ResourceBusy,
    ResourceExists,
    ResourceUnavailable,
    ConnectionError,
    NotInstalled,
    NotImplemented,
}
