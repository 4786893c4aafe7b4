namespace AgentSpec;

/// <summary>Severity of a diagnostic (language spec §5.1).</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
    Info,
}
