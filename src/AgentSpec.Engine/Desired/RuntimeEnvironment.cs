namespace AgentSpec.Engine.Desired;

/// <summary>
/// The literal environment every target gives the runtime: the package, deploy and environment names, then the deploy's
/// <c>env {}</c> entries (which may override them). Insertion order is kept; secrets are added separately.
/// </summary>
internal static class RuntimeEnvironment
{
    public static Dictionary<string, string> Of(DeploymentUnit unit, string? environment)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AGENTSPEC_PACKAGE"] = unit.Configuration.Package.Name,
            ["AGENTSPEC_DEPLOY"] = unit.Deploy,
            ["AGENTSPEC_ENVIRONMENT"] = environment ?? string.Empty,
        };
        foreach (var (name, value) in unit.Settings.Env)
        {
            variables[name] = value;
        }

        return variables;
    }
}
