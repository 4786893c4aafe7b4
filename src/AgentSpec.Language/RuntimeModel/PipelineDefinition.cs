using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>A pipeline: a DAG of agent steps.</summary>
public sealed class PipelineDefinition
{
    [JsonPropertyName("steps")] public List<PipelineStepDefinition> Steps { get; set; } = new();
}
