namespace AgentSpec;

/// <summary>A skill tool with the defaults of its variant (language spec §3.4); legacy <c>execution</c> appears in its tool form. Only the attributes of <see cref="Type"/> are set.</summary>
public sealed class ResolvedTool
{
    public string Type { get; internal init; } = "command";

    public string? Binary { get; internal init; }

    public IReadOnlyList<string>? Args { get; internal init; }

    /// <summary>Per-call timeout (http and command 30s, inline 10s); null for mcp.</summary>
    public Duration? Timeout { get; internal init; }

    public IReadOnlyDictionary<string, string>? Env { get; internal init; }

    /// <summary>Environment variable → secret name (command tools).</summary>
    public IReadOnlyDictionary<string, string>? Secrets { get; internal init; }

    public string? Method { get; internal init; }

    public string? Url { get; internal init; }

    public IReadOnlyDictionary<string, string>? Headers { get; internal init; }

    public string? BodyTemplate { get; internal init; }

    public string? Language { get; internal init; }

    public string? Code { get; internal init; }

    /// <summary>Inline memory limit (64, 128 or 256 MiB by language when not written).</summary>
    public MemoryQuantity? Memory { get; internal init; }

    /// <summary>For mcp: the server name and the tool name on it.</summary>
    public string? Server { get; internal init; }

    public string? ToolName { get; internal init; }
}
