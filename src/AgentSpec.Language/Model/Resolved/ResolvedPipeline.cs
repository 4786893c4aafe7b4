namespace AgentSpec;

/// <summary>A pipeline whose every step runs a served agent.</summary>
public sealed class ResolvedPipeline
{
    public string Name { get; internal init; } = string.Empty;

    public IReadOnlyList<ResolvedPipelineStep> Steps { get; internal init; } = Array.Empty<ResolvedPipelineStep>();
}
