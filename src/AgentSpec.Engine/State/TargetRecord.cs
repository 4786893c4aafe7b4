using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AgentSpec.Engine.State;

/// <summary>One deploy target recorded in state (deployment spec §4.2 <c>$defs/target</c>).</summary>
public sealed class TargetRecord
{
    [JsonPropertyName("kind")] public string Kind { get; set; } = string.Empty;
    [JsonPropertyName("package")] public string Package { get; set; } = string.Empty;
    [JsonPropertyName("packageVersion")] public string PackageVersion { get; set; } = string.Empty;
    [JsonPropertyName("environment")] public string? Environment { get; set; }
    [JsonPropertyName("scope")] public List<string> Scope { get; set; } = new();
    [JsonPropertyName("stack")] public string? Stack { get; set; }
    [JsonPropertyName("endpoint")] public JsonObject Endpoint { get; set; } = new();
    [JsonPropertyName("specHash")] public string? SpecHash { get; set; }
    [JsonPropertyName("lastSerial")] public long LastSerial { get; set; }
    [JsonPropertyName("lastApplied")] public DateTimeOffset? LastApplied { get; set; }
    [JsonPropertyName("resources")] public List<ResourceRecord> Resources { get; set; } = new();
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }

    public ResourceRecord? Find(string address) => Resources.FirstOrDefault(r => r.Address == address);

    /// <summary>Keeps resources sorted by address (ordinal), as the file format requires.</summary>
    public void Upsert(ResourceRecord record)
    {
        Resources.RemoveAll(r => r.Address == record.Address);
        Resources.Add(record);
        Resources.Sort((a, b) => string.CompareOrdinal(a.Address, b.Address));
    }
}
