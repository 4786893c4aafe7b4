namespace AgentSpec;

/// <summary>
/// A skill's implementation as written: <c>tool command|http|inline { … }</c>, <c>tool mcp "server/tool"</c>, or the
/// legacy <c>execution</c> form mapped to its tool variant. Only the attributes of its <see cref="Type"/> are set.
/// </summary>
public sealed class ToolDefinition
{
    public string Type { get; internal set; } = "command";

    public string? Binary { get; internal set; }

    public IReadOnlyList<string>? Args { get; internal set; }

    public string? Timeout { get; internal set; }

    public IReadOnlyDictionary<string, string> Env { get; internal set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Secrets { get; internal set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public string? Method { get; internal set; }

    public string? Url { get; internal set; }

    public IReadOnlyDictionary<string, string> Headers { get; internal set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public string? BodyTemplate { get; internal set; }

    public string? Language { get; internal set; }

    public string? Code { get; internal set; }

    public string? Memory { get; internal set; }

    /// <summary>For <c>mcp</c>: the <c>"server/tool"</c> text as written.</summary>
    public string? McpReference { get; internal set; }

    public override string ToString() => McpReference is null ? Type : $"mcp {McpReference}";
}
