namespace AgentSpec.Runtime.Logging;

/// <summary>Record levels of runtime spec §6.1, in increasing severity.</summary>
public enum RuntimeLogLevel
{
    Debug = 0,
    Info = 1,
    Warn = 2,
    Error = 3,
}
