using System.Text.Json;

namespace AgentSpec.Runtime.Tests.Infrastructure;

/// <summary>Builds runtime documents for tests.</summary>
public static class Docs
{
    /// <summary>A document with the given agents (JSON objects as anonymous objects or raw JSON) and optional parts.</summary>
    public static string Document(object[] agents, object? skills = null, object? prompts = null, object? pipelines = null,
        object? secrets = null, object? guardrails = null, object? extra = null)
    {
        var doc = new Dictionary<string, object?>
        {
            ["format_version"] = 1,
            ["spec_hash"] = "sha256:test",
            ["package"] = new { name = "pkg", version = "1.0.0" },
            ["agents"] = agents,
        };
        if (skills is not null) doc["skills"] = skills;
        if (prompts is not null) doc["prompts"] = prompts;
        if (pipelines is not null) doc["pipelines"] = pipelines;
        if (secrets is not null) doc["secrets"] = secrets;
        if (guardrails is not null) doc["guardrails"] = guardrails;
        if (extra is not null)
        {
            foreach (var p in JsonSerializer.SerializeToElement(extra).EnumerateObject()) doc[p.Name] = p.Value;
        }
        return JsonSerializer.Serialize(doc);
    }

    public static string Script(params object[] steps) => JsonSerializer.Serialize(steps);

    public static Dictionary<string, string> Env(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
