using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>An agent config parameter (runtime spec §4.13): <c>{name, type, required, secret, default?}</c>.</summary>
public sealed class RuntimeConfigParameter
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("type")] public string Type { get; set; } = "string";
    [JsonPropertyName("required")] public bool Required { get; set; }
    [JsonPropertyName("secret")] public bool Secret { get; set; }
    [JsonPropertyName("default")] public JsonElement? Default { get; set; }
}
