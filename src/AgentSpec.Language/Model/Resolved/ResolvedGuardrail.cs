namespace AgentSpec;

/// <summary>A guardrail reached by the served agents.</summary>
public sealed class ResolvedGuardrail
{
    public string Name { get; internal init; } = string.Empty;

    public string Mode { get; internal init; } = string.Empty;

    public IReadOnlyList<string> Keywords { get; internal init; } = Array.Empty<string>();

    public IReadOnlyList<string> Patterns { get; internal init; } = Array.Empty<string>();

    public string? Fallback { get; internal init; }
}
