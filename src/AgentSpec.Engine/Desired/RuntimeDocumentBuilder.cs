using System.Text.Json.Nodes;
using AgentSpec.Engine.Secrets;

namespace AgentSpec.Engine.Desired;

/// <summary>
/// Builds the secret-free runtime document (<c>config.json</c>, runtime spec §1.3, <c>format_version</c> 1) of one unit
/// from its resolved configuration. Keys are sorted; <c>spec_hash</c> is the canonical hash of the rest.
/// </summary>
public static class RuntimeDocumentBuilder
{
    public static JsonObject Build(ResolvedConfiguration c)
    {
        var deploy = c.Deploy;
        var document = new JsonObject
        {
            ["format_version"] = 1,
            ["package"] = new JsonObject { ["name"] = c.Package.Name, ["version"] = c.Package.Version },
            ["environment"] = c.Environment,
            ["deploy"] = new JsonObject
            {
                ["name"] = deploy.Name,
                ["target"] = deploy.Target,
                ["port"] = deploy.Port,
                ["health_path"] = deploy.Health?.Path ?? "/healthz",
            },
            ["settings"] = Map(deploy.Env),
            ["secrets"] = new JsonObject(SecretVariables(c).Select(p =>
                new KeyValuePair<string, JsonNode?>(p.Key, new JsonObject { ["env"] = p.Value }))),
            ["prompts"] = new JsonObject(c.Prompts.Select(p => Pair(p.Name, new JsonObject
            {
                ["content"] = p.Content,
                ["variables"] = new JsonArray(p.Variables.Select(v => (JsonNode?)Optional(new JsonObject
                {
                    ["name"] = v.Name, ["type"] = v.Type, ["required"] = v.Required,
                }, "default", v.Default)).ToArray()),
            }))),
            ["types"] = new JsonObject(c.Types.Select(t => Pair(t.Name, t.Form switch
            {
                "enum" => new JsonObject { ["enum"] = Strings(t.Values) },
                "list" => new JsonObject { ["list_of"] = t.ElementType },
                _ => new JsonObject { ["fields"] = Fields(t.Fields) },
            }))),
            ["skills"] = new JsonObject(c.Skills.Select(s => Pair(s.Name, new JsonObject
            {
                ["description"] = s.Description,
                ["input"] = Fields(s.Input),
                ["output"] = Fields(s.Output),
                ["tool"] = Tool(s.Tool),
            }))),
            ["agents"] = new JsonArray(c.Agents.Select(a => (JsonNode?)Agent(a)).ToArray()),
            ["servers"] = new JsonObject(c.Servers.Select(s => Pair(s.Name, Compact(new JsonObject
            {
                ["transport"] = s.Transport,
                ["command"] = s.Command,
                ["args"] = s.Args.Count == 0 ? null : Strings(s.Args),
                ["url"] = s.Url,
                ["env"] = s.Env.Count == 0 ? null : Map(s.Env),
                ["auth"] = s.Auth,
            })))),
            ["clients"] = new JsonObject(c.Clients.Select(k => Pair(k.Name, new JsonObject { ["servers"] = Strings(k.Servers) }))),
            ["pipelines"] = new JsonObject(c.Pipelines.Select(p => Pair(p.Name, new JsonObject
            {
                ["steps"] = new JsonArray(p.Steps.Select(s => (JsonNode?)Compact(new JsonObject
                {
                    ["name"] = s.Name,
                    ["agent"] = s.Agent,
                    ["input"] = s.Input,
                    ["output"] = s.Output,
                    ["depends_on"] = Strings(s.DependsOn),
                    ["parallel"] = s.Parallel ? true : null,
                    ["when"] = s.When,
                })).ToArray()),
            }))),
            ["guardrails"] = new JsonObject(c.Guardrails.Select(g => Pair(g.Name, Compact(new JsonObject
            {
                ["mode"] = g.Mode, ["keywords"] = Strings(g.Keywords), ["patterns"] = Strings(g.Patterns), ["fallback"] = g.Fallback,
            })))),
            ["users"] = new JsonObject(c.Users.Select(u => Pair(u.Name, new JsonObject
            {
                ["key_env"] = SecretVariables(c).TryGetValue(u.KeySecret, out var env) ? env : u.KeySecret,
                ["agents"] = Strings(u.Agents),
                ["role"] = u.Role,
            }))),
        };
        var sorted = Json.JsonFiles.SortedObject(document);
        sorted["spec_hash"] = CanonicalJson.Hash(sorted);
        return Json.JsonFiles.SortedObject(sorted);
    }

    /// <summary>
    /// Secret name → the runtime variable that carries its value: the variable a deploy <c>secrets {}</c> entry maps to
    /// it, else X for env(X), else <c>AGENTSPEC_SECRET_&lt;PATH&gt;</c> (runtime spec §1.3).
    /// </summary>
    public static SortedDictionary<string, string> SecretVariables(ResolvedConfiguration c)
    {
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (variable, secret) in c.Deploy.Secrets.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            variables.TryAdd(secret, variable);
        }

        foreach (var reference in c.Secrets)
        {
            variables.TryAdd(reference.Name, EnvironmentNames.DefaultFor(reference));
        }

        return variables;
    }

    private static JsonObject Agent(ResolvedAgent a)
    {
        var agent = new JsonObject
        {
            ["name"] = a.Name,
            ["fqn"] = a.Fqn,
            ["prompt"] = a.Prompt,
            ["skills"] = Strings(a.Skills),
            ["strategy"] = a.Strategy,
            ["max_turns"] = a.MaxTurns,
            ["timeout"] = a.Timeout.Text,
            ["token_budget"] = a.TokenBudget,
            ["stream"] = a.Stream,
            ["on_error"] = a.OnError,
            ["max_retries"] = a.MaxRetries,
            ["memory"] = new JsonObject { ["strategy"] = a.Memory.Strategy, ["max_messages"] = a.Memory.MaxMessages },
            ["delegates"] = new JsonArray(a.Delegates.Select(d => (JsonNode?)new JsonObject { ["agent"] = d.Agent, ["when"] = d.When ?? string.Empty }).ToArray()),
            ["guardrails"] = Strings(a.Guardrails),
            ["config"] = new JsonArray(a.Config.Select(p => (JsonNode?)Optional(new JsonObject
            {
                ["name"] = p.Name, ["type"] = p.Type, ["required"] = p.Required, ["secret"] = p.Secret,
            }, "default", p.Default)).ToArray()),
        };
        if (a.Models.Count > 0)
        {
            agent["models"] = Strings(a.Models);
        }
        else
        {
            agent["model"] = a.Model;
        }

        Optional(agent, "temperature", a.Temperature);
        Optional<long?>(agent, "max_tokens", a.MaxTokens > 0 ? a.MaxTokens : null);
        Optional(agent, "fallback", a.Fallback);
        Optional(agent, "client", a.Client);
        Optional(agent, "budget_daily", a.Budget.Daily);
        Optional(agent, "budget_monthly", a.Budget.Monthly);
        return agent;
    }

    private static JsonObject Tool(ResolvedTool t) => Compact(new JsonObject
    {
        ["type"] = t.Type,
        ["binary"] = t.Binary,
        ["args"] = t.Args is null ? null : Strings(t.Args),
        ["timeout"] = t.Timeout?.Text,
        ["env"] = t.Env is null ? null : Map(t.Env),
        ["secrets"] = t.Secrets is null ? null : Map(t.Secrets),
        ["method"] = t.Method,
        ["url"] = t.Url,
        ["headers"] = t.Headers is null ? null : Map(t.Headers),
        ["body_template"] = t.BodyTemplate,
        ["language"] = t.Language,
        ["code"] = t.Code,
        ["memory"] = t.Memory?.Text,
        ["server"] = t.Server,
        ["name"] = t.ToolName,
    });

    private static JsonArray Fields(IEnumerable<FieldDefinition> fields) =>
        new(fields.Select(f => (JsonNode?)new JsonObject { ["name"] = f.Name, ["type"] = f.Type, ["required"] = f.Required }).ToArray());

    private static JsonObject Map(IReadOnlyDictionary<string, string> map) =>
        new(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value)));

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static KeyValuePair<string, JsonNode?> Pair(string key, JsonNode value) => new(key, value);

    private static JsonObject Optional<T>(JsonObject obj, string key, T? value)
    {
        if (value is not null)
        {
            obj[key] = JsonValue.Create(value);
        }

        return obj;
    }

    /// <summary>Drops null members (optional fields are omitted rather than null).</summary>
    private static JsonObject Compact(JsonObject obj)
    {
        foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            obj.Remove(key);
        }

        return obj;
    }
}
