using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>One pipeline step: <c>{name, agent, input?, output?, depends_on[], parallel?, when?}</c>.</summary>
public sealed class PipelineStepDefinition
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("agent")] public string Agent { get; set; } = "";
    [JsonPropertyName("input")] public string? Input { get; set; }
    [JsonPropertyName("output")] public string? Output { get; set; }
    [JsonPropertyName("depends_on")] public List<string> DependsOn { get; set; } = new();
    [JsonPropertyName("parallel")] public bool? Parallel { get; set; }
    [JsonPropertyName("when")] public string? When { get; set; }
}
