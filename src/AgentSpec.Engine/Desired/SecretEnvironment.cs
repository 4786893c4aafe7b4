using System.Text.Json.Nodes;

namespace AgentSpec.Engine.Desired;

/// <summary>
/// The secret part of a workload's desired attributes, shared by the process and docker targets: for every secret the
/// unit uses, the variable that carries it with its fingerprint (never the value), the sensitive and unknown paths
/// for the planner, and the bindings apply resolves at create time.
/// </summary>
internal static class SecretEnvironment
{
    public static (JsonObject SecretEnv, List<string> Sensitive, List<string> Unknown, List<ResourceSecretBinding> Bindings) Build(
        DeploymentUnit unit, Func<SecretReference, string?> fingerprint)
    {
        var references = unit.Configuration.Secrets.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var secretEnv = new JsonObject();
        var sensitive = new List<string>();
        var unknown = new List<string>();
        var bindings = new List<ResourceSecretBinding>();
        foreach (var (secret, variable) in RuntimeDocumentJson.SecretVariables(unit.Configuration).OrderBy(p => p.Value, StringComparer.Ordinal))
        {
            if (!references.TryGetValue(secret, out var reference))
            {
                continue;
            }

            var print = fingerprint(reference);
            secretEnv[variable] = new JsonObject
            {
                ["fingerprint"] = print, ["key"] = reference.Key, ["secret"] = reference.Name, ["source"] = reference.Source,
            };
            var path = Json.JsonPath.Child(Json.JsonPath.Child("secretEnv", variable), "fingerprint");
            sensitive.Add(path);
            if (print is null)
            {
                unknown.Add(path);
            }

            bindings.Add(new ResourceSecretBinding { Env = variable, Secret = reference.Name, Source = reference.Source, Key = reference.Key, Fingerprint = print });
        }

        return (secretEnv, sensitive, unknown, bindings);
    }
}
