using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AgentSpec.Engine.State;

/// <summary>
/// <c>.agentspec.state.json</c>, format 2 (deployment spec §4.2). Properties are declared in schema order; unknown
/// properties are kept in <see cref="Extra"/> and written back.
/// </summary>
public sealed class StateDocument
{
    public const int CurrentFormatVersion = 2;

    [JsonPropertyName("formatVersion")] public int FormatVersion { get; set; } = CurrentFormatVersion;
    [JsonPropertyName("lineage")] public string Lineage { get; set; } = string.Empty;
    [JsonPropertyName("serial")] public long Serial { get; set; }
    [JsonPropertyName("toolVersion")] public string ToolVersion { get; set; } = string.Empty;
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("updatedAt")] public DateTimeOffset? UpdatedAt { get; set; }
    [JsonPropertyName("secretSalt")] public string SecretSalt { get; set; } = string.Empty;
    [JsonPropertyName("settings")] public StateSettings Settings { get; set; } = new();

    [JsonPropertyName("targets")]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public SortedDictionary<string, TargetRecord> Targets { get; } = new(StringComparer.Ordinal);

    [JsonPropertyName("history")] public List<HistoryRecord> History { get; set; } = new();

    [JsonPropertyName("snapshots")]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public SortedDictionary<string, JsonObject> Snapshots { get; } = new(StringComparer.Ordinal);

    [JsonPropertyName("legacy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Legacy { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }

    public byte[] SaltBytes() => Convert.FromBase64String(SecretSalt);
}
