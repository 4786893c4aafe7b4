namespace AgentSpec;

/// <summary>The state backend with defaults applied (<c>local</c>, <c>.agentspec.state.json</c>).</summary>
public sealed class ResolvedState
{
    public string Type { get; internal init; } = "local";

    public IReadOnlyDictionary<string, string> Properties { get; internal init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
