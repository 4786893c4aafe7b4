namespace AgentSpec;

/// <summary>A pipeline step with defaults applied.</summary>
public sealed class ResolvedPipelineStep
{
    public string Name { get; internal init; } = string.Empty;

    public string Agent { get; internal init; } = string.Empty;

    public string? Input { get; internal init; }

    public string? Output { get; internal init; }

    public IReadOnlyList<string> DependsOn { get; internal init; } = Array.Empty<string>();

    public bool Parallel { get; internal init; }

    public string? When { get; internal init; }
}
