namespace AgentSpec;

/// <summary>An MCP server reached by the served agents (through their clients).</summary>
public sealed class ResolvedServer
{
    public string Name { get; internal init; } = string.Empty;

    public string Transport { get; internal init; } = string.Empty;

    public string? Command { get; internal init; }

    public IReadOnlyList<string> Args { get; internal init; } = Array.Empty<string>();

    public string? Url { get; internal init; }

    /// <summary>The secret sent as a bearer token (its name only).</summary>
    public string? Auth { get; internal init; }

    public IReadOnlyList<string> Exposes { get; internal init; } = Array.Empty<string>();

    public IReadOnlyDictionary<string, string> Env { get; internal init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Metadata { get; internal init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
