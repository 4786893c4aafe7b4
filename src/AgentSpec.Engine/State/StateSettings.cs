using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentSpec.Engine.State;

/// <summary>History and snapshot retention of a state file.</summary>
public sealed class StateSettings
{
    [JsonPropertyName("historyLimit")] public int HistoryLimit { get; set; } = 100;
    [JsonPropertyName("snapshotLimit")] public int SnapshotLimit { get; set; } = 20;
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
