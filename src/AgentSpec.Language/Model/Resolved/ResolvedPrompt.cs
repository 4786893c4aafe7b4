namespace AgentSpec;

/// <summary>A prompt reached by the served agents.</summary>
public sealed class ResolvedPrompt
{
    public string Name { get; internal init; } = string.Empty;

    public string Content { get; internal init; } = string.Empty;

    public string? Version { get; internal init; }

    public IReadOnlyList<PromptVariable> Variables { get; internal init; } = Array.Empty<PromptVariable>();

    public IReadOnlyDictionary<string, string> Metadata { get; internal init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
