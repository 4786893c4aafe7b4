namespace AgentSpec.Engine;

/// <summary>Turns the Error diagnostics of a resolved deployment into the terminating errors of deployment spec §10.2.</summary>
internal static class ResolutionErrors
{
    public static void ThrowIfInvalid(ResolvedDeployment resolved)
    {
        var errors = resolved.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count == 0)
        {
            return;
        }

        var text = string.Join("\n", errors.Select(d => d.ToText()));
        if (errors.FirstOrDefault(d => d.Code == "AS2020") is { } environment)
        {
            throw new AgentSpecException(ErrorIds.EnvironmentNotFound, "ObjectNotFound", environment.ToText(), resolved.Environment);
        }

        if (errors.FirstOrDefault(d => d.Code == "AS5019") is { } target)
        {
            var (id, category) = target.Message.StartsWith("no deploy", StringComparison.Ordinal) ? (ErrorIds.NoDeployTargets, "ObjectNotFound")
                : target.Message.StartsWith("several", StringComparison.Ordinal) ? (ErrorIds.TargetAmbiguous, "InvalidArgument")
                : (ErrorIds.TargetNotFound, "ObjectNotFound");
            throw new AgentSpecException(id, category, target.ToText(), resolved.Target)
            {
                RecommendedAction = id == ErrorIds.TargetAmbiguous ? "Pass -Target with one of the deploy names." : target.Hint,
            };
        }

        if (errors.All(d => d.Code.StartsWith("AS40", StringComparison.Ordinal)))
        {
            throw new PolicyViolationException($"A policy forbids this configuration; nothing was planned:\n{text}", errors)
            {
                RecommendedAction = "Change the configuration (or the -Environment) so that it satisfies the policy.",
            };
        }

        throw new SpecInvalidException($"The specification has {errors.Count} error{(errors.Count == 1 ? string.Empty : "s")}:\n{text}", errors)
        {
            RecommendedAction = "Run Test-AgentSpec to see every diagnostic, fix the errors, then plan again.",
        };
    }
}
