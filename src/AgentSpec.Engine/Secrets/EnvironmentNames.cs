using System.Text;

namespace AgentSpec.Engine.Secrets;

/// <summary>Environment variable names derived from secret references (deployment spec §8, runtime spec §1.3).</summary>
public static class EnvironmentNames
{
    /// <summary><c>AGENTSPEC_SECRET_&lt;PATH&gt;</c>: the path upper-cased, every character outside [A-Z0-9] replaced by <c>_</c>.</summary>
    public static string ForStorePath(string path)
    {
        var builder = new StringBuilder("AGENTSPEC_SECRET_", 17 + path.Length);
        foreach (var c in path.ToUpperInvariant())
        {
            builder.Append(c is >= 'A' and <= 'Z' or >= '0' and <= '9' ? c : '_');
        }

        return builder.ToString();
    }

    /// <summary>The variable a runtime reads a secret from when no deploy mapping names one: X for env(X), else the store variable.</summary>
    public static string DefaultFor(SecretReference reference) =>
        reference.Source == "env" ? reference.Key : ForStorePath(reference.Key);
}
