namespace AgentSpec;

/// <summary>A pipeline step: the agent it runs, its input/output labels and dependencies.</summary>
public sealed class PipelineStep
{
    public string Name { get; internal set; } = string.Empty;

    public string? AgentName { get; internal set; }

    public AgentDeclaration? Agent { get; internal set; }

    public string? Input { get; internal set; }

    public string? Output { get; internal set; }

    public IReadOnlyList<string> DependsOn { get; internal set; } = Array.Empty<string>();

    public bool? Parallel { get; internal set; }

    public string? When { get; internal set; }
}
