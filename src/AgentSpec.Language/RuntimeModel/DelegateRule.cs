using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>A <c>delegate to agent "X" when "…"</c> rule.</summary>
public sealed class DelegateRule
{
    [JsonPropertyName("agent")] public string Agent { get; set; } = "";
    [JsonPropertyName("when")] public string When { get; set; } = "";
}
