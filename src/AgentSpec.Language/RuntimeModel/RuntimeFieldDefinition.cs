using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>A field of a skill's input/output or of a declared type: <c>{name, type, required}</c>.</summary>
public sealed class RuntimeFieldDefinition
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("type")] public string Type { get; set; } = "string";
    [JsonPropertyName("required")] public bool Required { get; set; }
}
