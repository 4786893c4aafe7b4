namespace AgentSpec.Resolution;

/// <summary>The overridable attributes of each resource kind (language spec §6.2).</summary>
internal static class OverrideTable
{
    /// <summary>Kinds an environment may override.</summary>
    public static readonly string[] Kinds = ["agent", "prompt", "skill", "deploy", "server", "client"];

    /// <summary>Nested blocks whose children are attributes (the value is the set of child names).</summary>
    private static readonly Dictionary<(string Kind, string Block), string[]> Blocks = new()
    {
        [("agent", "memory")] = ["strategy", "max_messages"],
        [("deploy", "resources")] = ["cpu", "memory"],
        [("deploy", "health")] = ["path", "interval", "timeout"],
        [("deploy", "autoscale")] = ["min", "max", "metric", "target"],
    };

    /// <summary>The attributes of each tool variant that a skill override may set.</summary>
    public static readonly Dictionary<string, string[]> ToolAttributes = new(StringComparer.Ordinal)
    {
        ["http"] = ["method", "url", "headers", "body_template", "timeout"],
        ["command"] = ["binary", "args", "timeout", "env", "secrets"],
        ["inline"] = ["language", "code", "timeout", "memory"],
    };

    private static readonly Dictionary<string, string[]> Overridable = new(StringComparer.Ordinal)
    {
        ["agent"] =
        [
            "model", "models", "max_tokens", "strategy", "loop", "max_turns", "timeout", "token_budget", "temperature", "stream",
            "on_error", "max_retries", "fallback", "uses prompt", "prompt", "budget daily", "budget monthly", "memory", "metadata",
        ],
        ["prompt"] = ["content", "version", "metadata"],
        ["skill"] = ["description", "tool", "metadata"],
        ["deploy"] = ["port", "replicas", "image", "namespace", "agents", "resources", "health", "autoscale", "env", "secrets"],
        ["server"] = ["transport", "command", "args", "url", "auth", "env", "metadata"],
        ["client"] = ["metadata"],
    };

    private static readonly Dictionary<string, string[]> NotOverridable = new(StringComparer.Ordinal)
    {
        ["agent"] = ["uses skill", "uses guardrail", "connects", "delegate", "config", "validate", "eval", "on input"],
        ["prompt"] = ["variables"],
        ["skill"] = ["input", "output", "execution"],
        ["deploy"] = ["target", "default"],
        ["server"] = ["exposes"],
        ["client"] = ["connects"],
    };

    /// <summary>Map attributes: their children are free keys.</summary>
    private static readonly HashSet<string> Maps = new(StringComparer.Ordinal) { "metadata", "env", "secrets", "headers" };

    public static IReadOnlyList<string> OverridableOf(string kind) => Overridable.TryGetValue(kind, out var list) ? list : [];

    public static bool IsOverridable(string kind, string attribute) => OverridableOf(kind).Contains(attribute);

    public static bool IsListedNotOverridable(string kind, string attribute) =>
        NotOverridable.TryGetValue(kind, out var list) && list.Contains(attribute);

    public static bool IsMap(string attribute) => Maps.Contains(attribute);

    /// <summary>The child attributes of a nested block (<c>memory</c>, <c>resources</c>, …), or null when it is no such block.</summary>
    public static string[]? ChildrenOf(string kind, string block) => Blocks.TryGetValue((kind, block), out var children) ? children : null;

    /// <summary>The canonical path word of an attribute (<c>prompt</c> → <c>uses prompt</c>, <c>loop</c> → <c>strategy</c>).</summary>
    public static string Canonical(string kind, string attribute) => (kind, attribute) switch
    {
        ("agent", "prompt") => "uses prompt",
        ("agent", "loop") => "strategy",
        _ => attribute,
    };
}
