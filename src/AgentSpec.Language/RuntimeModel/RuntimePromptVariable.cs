using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>A declared prompt variable: <c>{name, type, required, default?}</c>.</summary>
public sealed class RuntimePromptVariable
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("type")] public string Type { get; set; } = "string";
    [JsonPropertyName("required")] public bool Required { get; set; }
    [JsonPropertyName("default")] public string? Default { get; set; }
}
