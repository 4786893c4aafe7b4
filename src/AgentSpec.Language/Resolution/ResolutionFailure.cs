namespace AgentSpec.Resolution;

/// <summary>
/// Why a resolution cannot be used for plan, apply, export or <c>Resolve-AgentSpec</c>, in the order of the pipeline
/// (deployment spec §2.1): spec errors (stages 3 and 5) → <see cref="SpecInvalidException"/>; an undeclared
/// environment (stage 4) → <see cref="EnvironmentNotFoundException"/>; no deploy can be chosen (stage 6) →
/// <see cref="TargetSelectionException"/>. Policy violations are not failures here (they are reported with the result).
/// </summary>
internal static class ResolutionFailure
{
    private const string UnknownEnvironment = "AS2020";

    private const string NoTarget = "AS5019";

    public static AgentSpecException? Of(Document document, string? target, TargetSelection selection, IReadOnlyList<Diagnostic> diagnostics)
    {
        var specErrors = diagnostics
            .Where(d => d.IsError && !IsPolicyViolation(d) && d.Code is not (UnknownEnvironment or NoTarget))
            .ToList();
        if (specErrors.Count > 0)
        {
            return new SpecInvalidException(document.Files.FirstOrDefault() ?? string.Empty, specErrors);
        }

        var package = document.Package?.Name;
        var environments = document.Environments.Select(e => e.Name).Distinct(StringComparer.Ordinal).ToList();
        if (document.Environment is { } environment && !environments.Contains(environment, StringComparer.Ordinal))
        {
            return new EnvironmentNotFoundException(environment, package, environments);
        }

        if (selection.Selected is not null)
        {
            return null;
        }

        var deploys = document.Deploys.Select(d => (d.Name, d.Kind)).ToList();
        if (target is not null)
        {
            return TargetSelectionException.NotFound(target, package, deploys);
        }

        return deploys.Count == 0 ? TargetSelectionException.NoDeployTargets(package) : TargetSelectionException.Ambiguous(package, deploys);
    }

    private static bool IsPolicyViolation(Diagnostic diagnostic) => diagnostic.Code.StartsWith("AS40", StringComparison.Ordinal);
}
