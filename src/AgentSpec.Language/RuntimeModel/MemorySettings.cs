using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>Session memory of an agent: <c>sliding_window</c> (default) or <c>summary</c>, over <c>max_messages</c>.</summary>
public sealed class MemorySettings
{
    [JsonPropertyName("strategy")] public string Strategy { get; set; } = "sliding_window";
    [JsonPropertyName("max_messages")] public int MaxMessages { get; set; } = 50;
}
