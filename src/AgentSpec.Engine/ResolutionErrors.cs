namespace AgentSpec.Engine;

/// <summary>Turns the Error diagnostics of a resolved deployment into the terminating errors of deployment spec §10.2.</summary>
internal static class ResolutionErrors
{
    /// <summary>
    /// Spec errors, an unknown environment or an unchosen target throw what <see cref="ResolvedDeployment.ThrowIfFailed"/>
    /// throws; policy violations, which only stop deploying commands, throw <see cref="PolicyViolationException"/>.
    /// </summary>
    public static void ThrowIfInvalid(ResolvedDeployment resolved)
    {
        resolved.ThrowIfFailed();
        var violations = resolved.Diagnostics.Where(d => d.IsError).ToList();
        if (violations.Count == 0)
        {
            return;
        }

        var text = string.Join("\n", violations.Select(d => d.ToText()));
        throw new PolicyViolationException($"A policy forbids this configuration; nothing was planned:\n{text}", violations)
        {
            RecommendedAction = "Change the configuration (or the -Environment) so that it satisfies the policy.",
        };
    }
}
