using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AgentSpec.Engine.State;

/// <summary>One managed resource recorded in state (deployment spec §4.2 <c>$defs/resource</c>).</summary>
public sealed class ResourceRecord
{
    public const string Pending = "pending";
    public const string Applied = "applied";
    public const string Failed = "failed";
    public const string Tainted = "tainted";

    [JsonPropertyName("address")] public string Address { get; set; } = string.Empty;
    [JsonPropertyName("type")] public string Type { get; set; } = string.Empty;
    [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
    [JsonPropertyName("scope")] public string? Scope { get; set; }
    [JsonPropertyName("status")] public string Status { get; set; } = Pending;
    [JsonPropertyName("pendingAction")] public string? PendingAction { get; set; }
    [JsonPropertyName("hash")] public string Hash { get; set; } = string.Empty;
    [JsonPropertyName("dependsOn")] public List<string> DependsOn { get; set; } = new();
    [JsonPropertyName("attributes")] public JsonObject Attributes { get; set; } = new();
    [JsonPropertyName("sensitivePaths")] public List<string> SensitivePaths { get; set; } = new();
    [JsonPropertyName("observed")] public JsonObject Observed { get; set; } = new();
    [JsonPropertyName("lastApplied")] public DateTimeOffset? LastApplied { get; set; }
    [JsonPropertyName("error")] public string? Error { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
