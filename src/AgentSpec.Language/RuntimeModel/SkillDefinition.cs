using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>A skill: what the model is told (<c>description</c>, <c>input</c>) and the tool that runs it.</summary>
public sealed class SkillDefinition
{
    [JsonPropertyName("description")] public string Description { get; set; } = "";
    [JsonPropertyName("input")] public List<RuntimeFieldDefinition> Input { get; set; } = new();
    [JsonPropertyName("output")] public List<RuntimeFieldDefinition> Output { get; set; } = new();
    [JsonPropertyName("tool")] public RuntimeToolDefinition Tool { get; set; } = new();
}
