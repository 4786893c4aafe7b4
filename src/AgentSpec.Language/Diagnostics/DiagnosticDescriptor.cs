namespace AgentSpec.Diagnostics;

/// <summary>One row of the diagnostic catalogue: a stable code, its default severity and a short title.</summary>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title);
