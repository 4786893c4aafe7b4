namespace AgentSpec.Engine;

/// <summary>Engine diagnostics (AS51xx, deployment spec Appendix B); they have no source position.</summary>
internal static class EngineDiagnostics
{
    public static Diagnostic Create(string code, DiagnosticSeverity severity, string message, string? hint = null) =>
        new(code, severity, message, string.Empty, default, hint);

    public static Diagnostic Warning(string code, string message, string? hint = null) => Create(code, DiagnosticSeverity.Warning, message, hint);

    public static Diagnostic Info(string code, string message, string? hint = null) => Create(code, DiagnosticSeverity.Info, message, hint);
}
