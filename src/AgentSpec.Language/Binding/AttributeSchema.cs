using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>
/// Value types of every attribute by body kind and canonical item key (language spec §3), shared by the formatter
/// (which values print bare), the binder (AS3001 and friends) and the environment overlay (§6.3).
/// </summary>
internal static class AttributeSchema
{
    public static readonly string[] Strategies = ["react", "plan-and-execute", "reflexion", "router", "map-reduce"];
    public static readonly string[] OnErrorValues = ["retry", "fail", "fallback"];
    public static readonly string[] HttpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"];
    public static readonly string[] ScalarTypes = ["string", "int", "float", "bool"];
    public static readonly string[] Severities = ["error", "warning"];
    public static readonly string[] Scorings = ["exact", "contains", "semantic", "regex", "custom"];
    public static readonly string[] Transports = ["stdio", "sse", "streamable-http"];
    public static readonly string[] Roles = ["invoke", "admin"];
    public static readonly string[] GuardrailModes = ["warn", "block"];
    public static readonly string[] StateTypes = ["local", "kubernetes", "etcd", "postgres", "s3"];
    public static readonly string[] TargetKinds = ["process", "docker", "docker-compose", "kubernetes"];
    public static readonly string[] Metrics = ["cpu", "memory"];
    public static readonly string[] MemoryStrategies = ["sliding_window", "summary"];
    public static readonly string[] InlineLanguages = ["python", "python3", "javascript", "js", "node", "bash", "sh", "powershell", "pwsh"];

    private static readonly Dictionary<BlockKind, Dictionary<string, AttributeInfo>> Tables = new()
    {
        [BlockKind.File] = Table(S("package"), new("version", ValueKind.Semver), S("lang"), S("import"), S("as"), S("plugin")),
        [BlockKind.Prompt] = Table(S("content"), S("version"), Blk("variables"), M("metadata")),
        [BlockKind.Skill] = Table(S("description"), Blk("input"), Blk("output"), Blk("tool"), S("execution"), M("metadata")),
        [BlockKind.HttpTool] = Table(E("method", HttpMethods), S("url"), M("headers"), S("body_template"), D("timeout")),
        [BlockKind.CommandTool] = Table(S("binary"), L("args"), D("timeout"), M("env"), M("secrets")),
        [BlockKind.InlineTool] = Table(
            new("language", ValueKind.OpenEnum, null, InlineLanguages), S("code"), D("timeout"), new("memory", ValueKind.IntOrMemory)),
        [BlockKind.Agent] = Table(
            R("uses prompt", "prompt"), R("uses skill", "skill"), R("uses guardrail", "guardrail"), S("model"), L("models"),
            I("max_tokens"), F("budget daily"), F("budget monthly"), R("connects", "client"), E("strategy", Strategies),
            I("max_turns"), D("timeout"), I("token_budget"), F("temperature"), B("stream"), E("on_error", OnErrorValues),
            I("max_retries"), R("fallback", "agent"), Blk("memory"), R("delegate", "agent"), Blk("config"), Blk("validate"),
            Blk("eval"), Blk("on input"), M("metadata")),
        [BlockKind.Memory] = Table(new("strategy", ValueKind.OpenEnum, null, MemoryStrategies), I("max_messages")),
        [BlockKind.EvalCase] = Table(S("input"), S("expect"), E("scoring", Scorings), F("threshold"), L("tags")),
        [BlockKind.Secret] = Table(S("env"), S("store")),
        [BlockKind.Policy] = Table(RL("environments", "environment"), RL("deploys", "deploy")),
        [BlockKind.Deploy] = Table(
            I("port"), B("default"), RL("agents", "agent"), S("namespace"), I("replicas"), S("image"), Blk("resources"),
            Blk("health"), Blk("autoscale"), M("env"), M("secrets"), E("target", TargetKinds)),
        [BlockKind.Resources] = Table(new("cpu", ValueKind.Cpu), new("memory", ValueKind.MemoryQuantity)),
        [BlockKind.Health] = Table(S("path"), D("interval"), D("timeout")),
        [BlockKind.Autoscale] = Table(I("min"), I("max"), E("metric", Metrics), I("target")),
        [BlockKind.Step] = Table(R("agent", "agent"), S("input"), S("output"), L("depends_on"), B("parallel"), S("when")),
        [BlockKind.Server] = Table(
            E("transport", Transports), S("command"), L("args"), S("url"), R("auth", "secret"), R("exposes", "skill"),
            M("env"), M("metadata")),
        [BlockKind.Client] = Table(R("connects", "server"), M("metadata")),
        [BlockKind.User] = Table(S("key"), RL("agents", "agent"), E("role", Roles)),
        [BlockKind.Guardrail] = Table(E("mode", GuardrailModes), L("keywords"), L("patterns"), S("fallback")),
        [BlockKind.State] = Table(E("type", StateTypes)),
        [BlockKind.Binding] = Table(B("default"), S("adapter")),
    };

    /// <summary>The attribute of a body, or null for names, entries and properties.</summary>
    public static AttributeInfo? Get(BlockKind block, string key) =>
        Tables.TryGetValue(block, out var table) && table.TryGetValue(key, out var info) ? info : null;

    /// <summary>
    /// The attribute an environment override path names: resource kind (<c>agent</c>, <c>deploy</c>, …), then the
    /// attribute and nested block names (<c>["resources", "cpu"]</c>, <c>["tool", "timeout"]</c>). Null when unknown.
    /// </summary>
    public static AttributeInfo? GetOverride(string resourceKind, IReadOnlyList<string> path)
    {
        if (path.Count == 0)
        {
            return null;
        }

        var block = resourceKind switch
        {
            "agent" => BlockKind.Agent,
            "prompt" => BlockKind.Prompt,
            "skill" => BlockKind.Skill,
            "deploy" => BlockKind.Deploy,
            "server" => BlockKind.Server,
            "client" => BlockKind.Client,
            _ => (BlockKind?)null,
        };
        if (block is null)
        {
            return null;
        }

        if (block == BlockKind.Skill && path.Count == 2 && path[0] == "tool")
        {
            return Get(BlockKind.HttpTool, path[1]) ?? Get(BlockKind.CommandTool, path[1]) ?? Get(BlockKind.InlineTool, path[1]);
        }

        var current = block.Value;
        for (var i = 0; i < path.Count - 1; i++)
        {
            var nested = NestedBlock(current, path[i]);
            if (nested is null)
            {
                return null;
            }

            current = nested.Value;
        }

        var key = path[^1] == "prompt" && current == BlockKind.Agent ? "uses prompt" : path[^1];
        key = key == "loop" && current == BlockKind.Agent ? "strategy" : key;
        return Get(current, key);
    }

    /// <summary>The body kind of a nested block attribute (<c>memory</c> in an agent, <c>health</c> in a deploy, …).</summary>
    public static BlockKind? NestedBlock(BlockKind block, string key) => (block, key) switch
    {
        (BlockKind.Agent, "memory") => BlockKind.Memory,
        (BlockKind.Deploy, "resources") => BlockKind.Resources,
        (BlockKind.Deploy, "health") => BlockKind.Health,
        (BlockKind.Deploy, "autoscale") => BlockKind.Autoscale,
        (BlockKind.Skill, "tool") => BlockKind.CommandTool,
        _ => null,
    };

    private static Dictionary<string, AttributeInfo> Table(params AttributeInfo[] rows) =>
        rows.ToDictionary(r => r.Key, StringComparer.Ordinal);

    private static AttributeInfo S(string key) => new(key, ValueKind.String);

    private static AttributeInfo I(string key) => new(key, ValueKind.Int);

    private static AttributeInfo F(string key) => new(key, ValueKind.Float);

    private static AttributeInfo B(string key) => new(key, ValueKind.Bool);

    private static AttributeInfo D(string key) => new(key, ValueKind.Duration);

    private static AttributeInfo L(string key) => new(key, ValueKind.List);

    private static AttributeInfo M(string key) => new(key, ValueKind.Map);

    private static AttributeInfo Blk(string key) => new(key, ValueKind.Block);

    private static AttributeInfo E(string key, string[] values) => new(key, ValueKind.Enum, null, values);

    private static AttributeInfo R(string key, string kind) => new(key, ValueKind.Reference, kind);

    private static AttributeInfo RL(string key, string kind) => new(key, ValueKind.ReferenceList, kind);
}
