namespace AgentSpec.Validation;

/// <summary>Secret rules (spec §3.6): a source is required, keys are non-empty, env keys look like variable names.</summary>
internal static class SecretRules
{
    public static void Check(ValidationContext context, SecretDeclaration secret)
    {
        if (secret.Source is null)
        {
            if (!secret.IsIncomplete)
            {
                context.ReportAtName("AS3004", secret, $"{ValidationContext.Describe(secret)} requires a source: env(VAR) or store(path)", "env(MY_API_KEY)");
            }

            return;
        }

        if (!ValueChecks.NonEmpty(context, secret, "key", secret.Source, secret.Key) || secret.Key is null)
        {
            return;
        }

        if (secret.Source == "env" && !ValueFormats.IsIdentifier(secret.Key))
        {
            context.ReportAt(
                "AS3025",
                secret,
                "key",
                $"environment variable name \"{secret.Key}\" should match [A-Za-z_][A-Za-z0-9_]*",
                "use letters, digits and '_' (for example ANTHROPIC_API_KEY)");
        }
    }
}
