namespace AgentSpec;

/// <summary>An MCP client reached by the served agents.</summary>
public sealed class ResolvedClient
{
    public string Name { get; internal init; } = string.Empty;

    public IReadOnlyList<string> Servers { get; internal init; } = Array.Empty<string>();

    public IReadOnlyDictionary<string, string> Metadata { get; internal init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
