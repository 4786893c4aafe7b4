namespace AgentSpec.Engine.Validation;

/// <summary>Places a target-validation diagnostic at its deploy block, or nowhere when the block is unknown (a state snapshot).</summary>
internal sealed class Locator
{
    public Locator(ResolvedDeployment resolved, string deploy)
    {
        Declaration = resolved.PackageDeploys.FirstOrDefault(d => d.Name == deploy);
    }

    /// <summary>The overlaid deploy block, or null.</summary>
    public DeployDeclaration? Declaration { get; }

    public Diagnostic Create(string code, DiagnosticSeverity severity, string message, string? hint = null) =>
        Declaration is { } declaration
            ? new Diagnostic(code, severity, message, declaration.Location.File, declaration.Location.Range, hint)
            : EngineDiagnostics.Create(code, severity, message, hint);
}
