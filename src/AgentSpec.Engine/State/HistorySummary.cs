using System.Text.Json.Serialization;

namespace AgentSpec.Engine.State;

/// <summary>Counts of one history entry.</summary>
public sealed class HistorySummary
{
    [JsonPropertyName("add")] public int Add { get; set; }
    [JsonPropertyName("change")] public int Change { get; set; }
    [JsonPropertyName("destroy")] public int Destroy { get; set; }
    [JsonPropertyName("failed")] public int Failed { get; set; }
}
