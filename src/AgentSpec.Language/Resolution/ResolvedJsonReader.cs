using System.Text.Json.Nodes;

namespace AgentSpec.Resolution;

/// <summary>
/// The inverse of <see cref="ResolvedJson"/> for the units of a history snapshot (deployment spec §9.1, §9.2): rebuilds
/// the resolved units so a restore can compute the desired state again. Snapshots hold no secret values, only
/// references; policy results and diagnostics are not part of them (a snapshot was valid when it was applied).
/// </summary>
internal static class ResolvedJsonReader
{
    /// <summary>A resolved deployment from a snapshot (<c>{formatVersion, package, environment, units}</c>).</summary>
    public static ResolvedDeployment Deployment(JsonObject snapshot, string target)
    {
        var units = Objects(snapshot["units"]).Select(Unit).ToList();
        var first = units.FirstOrDefault(u => u.Deploy == target) ?? units.FirstOrDefault();
        return new ResolvedDeployment
        {
            Package = first?.Configuration.Package ?? Package(snapshot["package"] as JsonObject),
            Environment = Str(snapshot, "environment"),
            Target = target,
            Kind = first?.Kind,
            Scope = units.Select(u => u.Deploy).Distinct(StringComparer.Ordinal).ToList(),
            Units = units,
            SecretReferences = units.SelectMany(u => u.Configuration.Secrets).DistinctBy(s => s.Name).ToList(),
        };
    }

    private static DeploymentUnit Unit(JsonObject o) => new()
    {
        Name = Str(o, "name") ?? string.Empty,
        Deploy = Str(o, "deploy") ?? string.Empty,
        Kind = Str(o, "kind") ?? string.Empty,
        ServedAgents = Strings(o["served_agents"]),
        Settings = Deploy(o["settings"] as JsonObject ?? new JsonObject()),
        Configuration = Configuration(o["configuration"] as JsonObject ?? new JsonObject()),
    };

    private static ResolvedConfiguration Configuration(JsonObject c) => new()
    {
        Package = Package(c["package"] as JsonObject),
        Environment = Str(c, "environment"),
        Agents = Objects(c["agents"]).Select(Agent).ToList(),
        Prompts = Objects(c["prompts"]).Select(p => new ResolvedPrompt
        {
            Name = Str(p, "name") ?? string.Empty,
            Content = Str(p, "content") ?? string.Empty,
            Version = Str(p, "version"),
            Variables = Objects(p["variables"]).Select(v => new PromptVariable
            {
                Name = Str(v, "name") ?? string.Empty, Type = Str(v, "type") ?? string.Empty, Required = Bool(v, "required"), Default = Str(v, "default"),
            }).ToList(),
            Metadata = Map(p["metadata"]),
        }).ToList(),
        Skills = Objects(c["skills"]).Select(s => new ResolvedSkill
        {
            Name = Str(s, "name") ?? string.Empty,
            Description = Str(s, "description") ?? string.Empty,
            Input = Objects(s["input"]).Select(Field).ToList(),
            Output = Objects(s["output"]).Select(Field).ToList(),
            Tool = Tool(s["tool"] as JsonObject ?? new JsonObject()),
            Metadata = Map(s["metadata"]),
        }).ToList(),
        Types = Objects(c["types"]).Select(t => new ResolvedType
        {
            Name = Str(t, "name") ?? string.Empty,
            Form = Str(t, "form") ?? "struct",
            Fields = Objects(t["fields"]).Select(Field).ToList(),
            Values = Strings(t["values"]),
            ElementType = Str(t, "element_type"),
        }).ToList(),
        Servers = Objects(c["servers"]).Select(s => new ResolvedServer
        {
            Name = Str(s, "name") ?? string.Empty,
            Transport = Str(s, "transport") ?? string.Empty,
            Command = Str(s, "command"),
            Args = Strings(s["args"]),
            Url = Str(s, "url"),
            Auth = Str(s, "auth"),
            Exposes = Strings(s["exposes"]),
            Env = Map(s["env"]),
            Metadata = Map(s["metadata"]),
        }).ToList(),
        Clients = Objects(c["clients"]).Select(k => new ResolvedClient
        {
            Name = Str(k, "name") ?? string.Empty, Servers = Strings(k["servers"]), Metadata = Map(k["metadata"]),
        }).ToList(),
        Guardrails = Objects(c["guardrails"]).Select(g => new ResolvedGuardrail
        {
            Name = Str(g, "name") ?? string.Empty, Mode = Str(g, "mode") ?? string.Empty, Keywords = Strings(g["keywords"]),
            Patterns = Strings(g["patterns"]), Fallback = Str(g, "fallback"),
        }).ToList(),
        Users = Objects(c["users"]).Select(u => new ResolvedUser
        {
            Name = Str(u, "name") ?? string.Empty, KeySecret = Str(u, "key_secret") ?? string.Empty, Agents = Strings(u["agents"]), Role = Str(u, "role") ?? "invoke",
        }).ToList(),
        Pipelines = Objects(c["pipelines"]).Select(p => new ResolvedPipeline
        {
            Name = Str(p, "name") ?? string.Empty,
            Steps = Objects(p["steps"]).Select(s => new ResolvedPipelineStep
            {
                Name = Str(s, "name") ?? string.Empty, Agent = Str(s, "agent") ?? string.Empty, Input = Str(s, "input"), Output = Str(s, "output"),
                DependsOn = Strings(s["depends_on"]), Parallel = Bool(s, "parallel"), When = Str(s, "when"),
            }).ToList(),
        }).ToList(),
        Secrets = Objects(c["secrets"]).Select(Secret).ToList(),
        Deploy = Deploy(c["deploy"] as JsonObject ?? new JsonObject()),
        State = new ResolvedState
        {
            Type = (c["state"] as JsonObject) is { } state ? Str(state, "type") ?? "local" : "local",
            Properties = Map(c["state"]?["properties"]),
        },
        Policies = Strings(c["policies"]),
    };

    private static ResolvedDeploy Deploy(JsonObject d) => new()
    {
        Name = Str(d, "name") ?? string.Empty,
        Target = Str(d, "target") ?? string.Empty,
        Port = Long(d, "port") ?? 8080,
        Replicas = Long(d, "replicas") ?? 1,
        Image = Str(d, "image"),
        Namespace = Str(d, "namespace"),
        Resources = d["resources"] is JsonObject r
            ? new ResolvedResources { Cpu = CpuQuantity.TryParse(Str(r, "cpu")), Memory = MemoryQuantity.TryParse(Str(r, "memory")) }
            : null,
        Health = d["health"] is JsonObject h
            ? new ResolvedHealth
            {
                Path = Str(h, "path") ?? "/healthz",
                Interval = Duration.TryParse(Str(h, "interval")) ?? Duration.Parse("30s"),
                Timeout = Duration.TryParse(Str(h, "timeout")) ?? Duration.Parse("5s"),
            }
            : null,
        Autoscale = d["autoscale"] is JsonObject a
            ? new ResolvedAutoscale { Min = Long(a, "min") ?? 1, Max = Long(a, "max") ?? 0, Metric = Str(a, "metric") ?? "cpu", Target = Long(a, "target") ?? 80 }
            : null,
        Env = Map(d["env"]),
        Secrets = Map(d["secrets"]),
        Agents = Strings(d["agents"]),
    };

    private static ResolvedAgent Agent(JsonObject a) => new()
    {
        Name = Str(a, "name") ?? string.Empty,
        Fqn = Str(a, "fqn") ?? string.Empty,
        Prompt = Str(a, "prompt") ?? string.Empty,
        Skills = Strings(a["skills"]),
        Model = Str(a, "model"),
        Models = Strings(a["models"]),
        MaxTokens = Long(a, "max_tokens") ?? 0,
        Strategy = Str(a, "strategy") ?? "react",
        MaxTurns = Long(a, "max_turns") ?? 0,
        Timeout = Duration.TryParse(Str(a, "timeout")) ?? Duration.Parse("30s"),
        TokenBudget = Long(a, "token_budget") ?? 0,
        Temperature = Double(a, "temperature"),
        Stream = Bool(a, "stream"),
        OnError = Str(a, "on_error") ?? "fail",
        MaxRetries = Long(a, "max_retries") ?? 0,
        Fallback = Str(a, "fallback"),
        Memory = new ResolvedMemory
        {
            Strategy = Str(a["memory"] as JsonObject, "strategy") ?? "sliding_window",
            MaxMessages = Long(a["memory"] as JsonObject, "max_messages") ?? 50,
        },
        Delegates = Objects(a["delegates"]).Select(d => new ResolvedDelegate { Agent = Str(d, "agent") ?? string.Empty, When = Str(d, "when") }).ToList(),
        Client = Str(a, "client"),
        Guardrails = Strings(a["guardrails"]),
        Budget = new ResolvedBudget { Daily = Double(a["budget"] as JsonObject, "daily"), Monthly = Double(a["budget"] as JsonObject, "monthly") },
        Config = Objects(a["config"]).Select(p => new ConfigParameter
        {
            Name = Str(p, "name") ?? string.Empty, Type = Str(p, "type") ?? string.Empty, Required = Bool(p, "required"), Secret = Bool(p, "secret"),
            Default = Str(p, "default"), Description = Str(p, "description"),
        }).ToList(),
        Validate = Objects(a["validate"]).Select(r => new ResolvedValidationRule
        {
            Name = Str(r, "name") ?? string.Empty, Severity = Str(r, "severity") ?? "error", MaxRetries = Long(r, "max_retries") ?? 3,
            Message = Str(r, "message"), When = Str(r, "when"),
        }).ToList(),
        Eval = Objects(a["eval"]).Select(e => new ResolvedEvalCase
        {
            Name = Str(e, "name") ?? string.Empty, Input = Str(e, "input") ?? string.Empty, Expect = Str(e, "expect") ?? string.Empty,
            Scoring = Str(e, "scoring") ?? "semantic", Threshold = Double(e, "threshold") ?? 0.8, Tags = Strings(e["tags"]),
        }).ToList(),
        OnInput = a["on_input"] is JsonArray statements ? Objects(statements).Select(Statement).ToList() : null,
        Metadata = Map(a["metadata"]),
    };

    private static InputStatement Statement(JsonObject s) => new()
    {
        Kind = Str(s, "kind") ?? string.Empty,
        Name = Str(s, "name"),
        Text = Str(s, "text"),
        Expression = Str(s, "expression"),
        Parameters = Map(s["parameters"]),
        Body = Objects(s["body"]).Select(Statement).ToList(),
        Branches = Objects(s["branches"]).Select(Statement).ToList(),
    };

    private static ResolvedTool Tool(JsonObject t) => new()
    {
        Type = Str(t, "type") ?? "command",
        Binary = Str(t, "binary"),
        Args = t["args"] is JsonArray args ? Strings(args) : null,
        Timeout = Duration.TryParse(Str(t, "timeout")),
        Env = t["env"] is JsonObject env ? Map(env) : null,
        Secrets = t["secrets"] is JsonObject secrets ? Map(secrets) : null,
        Method = Str(t, "method"),
        Url = Str(t, "url"),
        Headers = t["headers"] is JsonObject headers ? Map(headers) : null,
        BodyTemplate = Str(t, "body_template"),
        Language = Str(t, "language"),
        Code = Str(t, "code"),
        Memory = ToolMemory(Str(t, "memory"), Long(t, "memory_bytes")),
        Server = Str(t, "server"),
        ToolName = Str(t, "tool"),
    };

    /// <summary>A tool's memory as written: a bare number there means MiB, so the recorded byte count decides.</summary>
    private static MemoryQuantity? ToolMemory(string? text, long? bytes)
    {
        var parsed = MemoryQuantity.TryParse(text);
        return text is null || bytes is null || parsed?.Bytes == bytes || bytes % (1L << 20) != 0
            ? parsed
            : MemoryQuantity.FromMebibytes(text, bytes.Value >> 20);
    }

    private static FieldDefinition Field(JsonObject f) => new()
    {
        Name = Str(f, "name") ?? string.Empty, Type = Str(f, "type") ?? string.Empty, Required = Bool(f, "required"), Default = Str(f, "default"),
    };

    private static SecretReference Secret(JsonObject s) => new() { Name = Str(s, "name") ?? string.Empty, Source = Str(s, "source") ?? "env", Key = Str(s, "key") ?? string.Empty };

    private static PackageInfo Package(JsonObject? p) =>
        new(Str(p, "name") ?? string.Empty, Str(p, "version"), Str(p, "lang"), new SourceLocation(string.Empty, default));

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => (node as JsonArray ?? new JsonArray()).OfType<JsonObject>();

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? new JsonArray()).Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : n?.ToJsonString() ?? string.Empty).ToList();

    private static Dictionary<string, string> Map(JsonNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in node as JsonObject ?? new JsonObject())
        {
            map[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? string.Empty;
        }

        return map;
    }

    private static string? Str(JsonObject? o, string key) =>
        o?[key] is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : null;

    private static bool Bool(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static long? Long(JsonObject? o, string key) =>
        o?[key] is JsonValue v ? (v.TryGetValue<long>(out var l) ? l : v.TryGetValue<double>(out var d) ? (long)d : null) : null;

    private static double? Double(JsonObject? o, string key) =>
        o?[key] is JsonValue v ? (v.TryGetValue<double>(out var d) ? d : v.TryGetValue<long>(out var l) ? l : null) : null;
}
