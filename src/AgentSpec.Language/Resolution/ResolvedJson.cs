using System.Text.Json.Nodes;

namespace AgentSpec.Resolution;

/// <summary>
/// The secret-free JSON form of the resolved model (language spec §10.2): snake_case keys equal to the attribute names;
/// durations as written plus <c>&lt;key&gt;_ms</c>, cpu plus <c>cpu_millicores</c>, memory plus <c>memory_bytes</c>.
/// Serialised with <see cref="CanonicalJson"/>, so the same input always gives the same bytes.
/// </summary>
internal static class ResolvedJson
{
    public static string Write(JsonNode node) => CanonicalJson.Write(node);

    public static JsonObject Deployment(ResolvedDeployment deployment) => new()
    {
        ["package"] = Package(deployment.Package),
        ["environment"] = deployment.Environment,
        ["target"] = deployment.Target,
        ["kind"] = deployment.Kind,
        ["scope"] = Strings(deployment.Scope),
        ["units"] = Array(deployment.Units, Unit),
        ["secret_references"] = Array(deployment.SecretReferences, Secret),
        ["policy_results"] = Array(deployment.PolicyResults, p => new JsonObject
        {
            ["policy"] = p.Policy,
            ["applies"] = p.Applies,
            ["violations"] = Array(p.Violations, Diagnostic),
        }),
        ["diagnostics"] = Array(deployment.Diagnostics, Diagnostic),
        ["valid"] = deployment.IsValid,
    };

    public static JsonObject Configuration(ResolvedConfiguration c) => new()
    {
        ["package"] = Package(c.Package),
        ["environment"] = c.Environment,
        ["target"] = new JsonObject { ["name"] = c.Deploy.Name, ["kind"] = c.Deploy.Target },
        ["agents"] = Array(c.Agents, Agent),
        ["prompts"] = Array(c.Prompts, p => new JsonObject
        {
            ["name"] = p.Name,
            ["content"] = p.Content,
            ["version"] = p.Version,
            ["variables"] = Array(p.Variables, v => new JsonObject
            {
                ["name"] = v.Name, ["type"] = v.Type, ["required"] = v.Required, ["default"] = v.Default,
            }),
            ["metadata"] = Map(p.Metadata),
        }),
        ["skills"] = Array(c.Skills, s => new JsonObject
        {
            ["name"] = s.Name,
            ["description"] = s.Description,
            ["input"] = Array(s.Input, Field),
            ["output"] = Array(s.Output, Field),
            ["tool"] = Tool(s.Tool),
            ["metadata"] = Map(s.Metadata),
        }),
        ["types"] = Array(c.Types, t => new JsonObject
        {
            ["name"] = t.Name,
            ["form"] = t.Form,
            ["fields"] = Array(t.Fields, Field),
            ["values"] = Strings(t.Values),
            ["element_type"] = t.ElementType,
        }),
        ["servers"] = Array(c.Servers, s => new JsonObject
        {
            ["name"] = s.Name,
            ["transport"] = s.Transport,
            ["command"] = s.Command,
            ["args"] = Strings(s.Args),
            ["url"] = s.Url,
            ["auth"] = s.Auth,
            ["exposes"] = Strings(s.Exposes),
            ["env"] = Map(s.Env),
            ["metadata"] = Map(s.Metadata),
        }),
        ["clients"] = Array(c.Clients, k => new JsonObject { ["name"] = k.Name, ["servers"] = Strings(k.Servers), ["metadata"] = Map(k.Metadata) }),
        ["guardrails"] = Array(c.Guardrails, g => new JsonObject
        {
            ["name"] = g.Name, ["mode"] = g.Mode, ["keywords"] = Strings(g.Keywords), ["patterns"] = Strings(g.Patterns), ["fallback"] = g.Fallback,
        }),
        ["users"] = Array(c.Users, u => new JsonObject
        {
            ["name"] = u.Name, ["key_secret"] = u.KeySecret, ["agents"] = Strings(u.Agents), ["role"] = u.Role,
        }),
        ["pipelines"] = Array(c.Pipelines, p => new JsonObject
        {
            ["name"] = p.Name,
            ["steps"] = Array(p.Steps, s => new JsonObject
            {
                ["name"] = s.Name,
                ["agent"] = s.Agent,
                ["input"] = s.Input,
                ["output"] = s.Output,
                ["depends_on"] = Strings(s.DependsOn),
                ["parallel"] = s.Parallel,
                ["when"] = s.When,
            }),
        }),
        ["secrets"] = Array(c.Secrets, Secret),
        ["deploy"] = Deploy(c.Deploy),
        ["state"] = new JsonObject { ["type"] = c.State.Type, ["properties"] = Map(c.State.Properties) },
        ["policies"] = Strings(c.Policies),
    };

    public static JsonObject Deploy(ResolvedDeploy d)
    {
        var json = new JsonObject
        {
            ["name"] = d.Name,
            ["target"] = d.Target,
            ["port"] = d.Port,
            ["replicas"] = d.Replicas,
            ["image"] = d.Image,
            ["resources"] = d.Resources is { } r
                ? new JsonObject
                {
                    ["cpu"] = r.Cpu?.Text,
                    ["cpu_millicores"] = r.Cpu?.Millicores,
                    ["memory"] = r.Memory?.Text,
                    ["memory_bytes"] = r.Memory?.Bytes,
                }
                : null,
            ["health"] = d.Health is { } h
                ? new JsonObject
                {
                    ["path"] = h.Path,
                    ["interval"] = h.Interval.Text,
                    ["interval_ms"] = Milliseconds(h.Interval),
                    ["timeout"] = h.Timeout.Text,
                    ["timeout_ms"] = Milliseconds(h.Timeout),
                }
                : null,
            ["autoscale"] = d.Autoscale is { } a
                ? new JsonObject { ["min"] = a.Min, ["max"] = a.Max, ["metric"] = a.Metric, ["target"] = a.Target }
                : null,
            ["env"] = Map(d.Env),
            ["secrets"] = Map(d.Secrets),
            ["agents"] = Strings(d.Agents),
        };
        if (d.Target == "kubernetes")
        {
            json["namespace"] = d.Namespace;
        }

        return json;
    }

    private static JsonObject Unit(DeploymentUnit unit) => new()
    {
        ["name"] = unit.Name,
        ["deploy"] = unit.Deploy,
        ["kind"] = unit.Kind,
        ["served_agents"] = Strings(unit.ServedAgents),
        ["settings"] = Deploy(unit.Settings),
        ["configuration"] = Configuration(unit.Configuration),
    };

    private static JsonObject Agent(ResolvedAgent a) => new()
    {
        ["name"] = a.Name,
        ["fqn"] = a.Fqn,
        ["prompt"] = a.Prompt,
        ["skills"] = Strings(a.Skills),
        ["model"] = a.Model,
        ["models"] = Strings(a.Models),
        ["max_tokens"] = a.MaxTokens,
        ["strategy"] = a.Strategy,
        ["max_turns"] = a.MaxTurns,
        ["timeout"] = a.Timeout.Text,
        ["timeout_ms"] = Milliseconds(a.Timeout),
        ["token_budget"] = a.TokenBudget,
        ["temperature"] = a.Temperature,
        ["stream"] = a.Stream,
        ["on_error"] = a.OnError,
        ["max_retries"] = a.MaxRetries,
        ["fallback"] = a.Fallback,
        ["memory"] = new JsonObject { ["strategy"] = a.Memory.Strategy, ["max_messages"] = a.Memory.MaxMessages },
        ["delegates"] = Array(a.Delegates, d => new JsonObject { ["agent"] = d.Agent, ["when"] = d.When }),
        ["client"] = a.Client,
        ["guardrails"] = Strings(a.Guardrails),
        ["budget"] = new JsonObject { ["daily"] = a.Budget.Daily, ["monthly"] = a.Budget.Monthly },
        ["config"] = Array(a.Config, p => new JsonObject
        {
            ["name"] = p.Name,
            ["type"] = p.Type,
            ["required"] = p.Required,
            ["secret"] = p.Secret,
            ["default"] = p.Default,
            ["description"] = p.Description,
        }),
        ["validate"] = Array(a.Validate, r => new JsonObject
        {
            ["name"] = r.Name, ["severity"] = r.Severity, ["max_retries"] = r.MaxRetries, ["message"] = r.Message, ["when"] = r.When,
        }),
        ["eval"] = Array(a.Eval, e => new JsonObject
        {
            ["name"] = e.Name,
            ["input"] = e.Input,
            ["expect"] = e.Expect,
            ["scoring"] = e.Scoring,
            ["threshold"] = e.Threshold,
            ["tags"] = Strings(e.Tags),
        }),
        ["on_input"] = a.OnInput is null ? null : Array(a.OnInput, Statement),
        ["metadata"] = Map(a.Metadata),
    };

    private static JsonObject Statement(InputStatement s) => new()
    {
        ["kind"] = s.Kind,
        ["name"] = s.Name,
        ["text"] = s.Text,
        ["expression"] = s.Expression,
        ["parameters"] = Map(s.Parameters),
        ["body"] = Array(s.Body, Statement),
        ["branches"] = Array(s.Branches, Statement),
    };

    private static JsonObject Tool(ResolvedTool t) => new()
    {
        ["type"] = t.Type,
        ["binary"] = t.Binary,
        ["args"] = t.Args is null ? null : Strings(t.Args),
        ["timeout"] = t.Timeout?.Text,
        ["timeout_ms"] = t.Timeout is null ? null : Milliseconds(t.Timeout),
        ["env"] = t.Env is null ? null : Map(t.Env),
        ["secrets"] = t.Secrets is null ? null : Map(t.Secrets),
        ["method"] = t.Method,
        ["url"] = t.Url,
        ["headers"] = t.Headers is null ? null : Map(t.Headers),
        ["body_template"] = t.BodyTemplate,
        ["language"] = t.Language,
        ["code"] = t.Code,
        ["memory"] = t.Memory?.Text,
        ["memory_bytes"] = t.Memory?.Bytes,
        ["server"] = t.Server,
        ["tool"] = t.ToolName,
    };

    private static JsonObject Field(FieldDefinition f) => new()
    {
        ["name"] = f.Name, ["type"] = f.Type, ["required"] = f.Required, ["default"] = f.Default,
    };

    private static JsonObject Secret(SecretReference s) => new() { ["name"] = s.Name, ["source"] = s.Source, ["key"] = s.Key };

    private static JsonObject Diagnostic(Diagnostic d) => new()
    {
        ["code"] = d.Code,
        ["severity"] = AgentSpec.Diagnostic.SeverityWord(d.Severity),
        ["message"] = d.Message,
        ["file"] = d.File,
        ["line"] = d.Range.Start.Line,
        ["column"] = d.Range.Start.Column,
        ["end_line"] = d.Range.End.Line,
        ["end_column"] = d.Range.End.Column,
        ["hint"] = d.Hint,
    };

    private static JsonObject? Package(PackageInfo? p) =>
        p is null ? null : new JsonObject { ["name"] = p.Name, ["version"] = p.Version, ["lang"] = p.Lang };

    private static long Milliseconds(Duration d) => (long)d.Value.TotalMilliseconds;

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static JsonObject Map(IReadOnlyDictionary<string, string> map)
    {
        var json = new JsonObject();
        foreach (var (key, value) in map)
        {
            json[key] = value;
        }

        return json;
    }

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode> map) => new(items.Select(i => (JsonNode?)map(i)).ToArray());
}
