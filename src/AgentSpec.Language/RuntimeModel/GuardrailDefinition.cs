using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>A guardrail checked on final outputs: <c>{mode, keywords[], patterns[], fallback?}</c>.</summary>
public sealed class GuardrailDefinition
{
    [JsonPropertyName("mode")] public string Mode { get; set; } = "warn";
    [JsonPropertyName("keywords")] public List<string> Keywords { get; set; } = new();
    [JsonPropertyName("patterns")] public List<string> Patterns { get; set; } = new();
    [JsonPropertyName("fallback")] public string? Fallback { get; set; }
}
