namespace AgentSpec;

/// <summary>A delegation rule of a resolved agent.</summary>
public sealed class ResolvedDelegate
{
    public string Agent { get; internal init; } = string.Empty;

    public string? When { get; internal init; }
}
