using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>A prompt: its template <c>content</c> and declared <c>{{variables}}</c>.</summary>
public sealed class PromptDefinition
{
    [JsonPropertyName("content")] public string Content { get; set; } = "";
    [JsonPropertyName("variables")] public List<RuntimePromptVariable> Variables { get; set; } = new();
}
