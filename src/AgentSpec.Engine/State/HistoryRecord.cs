using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentSpec.Engine.State;

/// <summary>One history entry of the state file (deployment spec §4.2 <c>$defs/historyEntry</c>).</summary>
public sealed class HistoryRecord
{
    [JsonPropertyName("serial")] public long Serial { get; set; }
    [JsonPropertyName("target")] public string Target { get; set; } = string.Empty;
    [JsonPropertyName("scope")] public List<string> Scope { get; set; } = new();
    [JsonPropertyName("operation")] public string Operation { get; set; } = "apply";
    [JsonPropertyName("outcome")] public string Outcome { get; set; } = "succeeded";
    [JsonPropertyName("startedAt")] public DateTimeOffset? StartedAt { get; set; }
    [JsonPropertyName("finishedAt")] public DateTimeOffset FinishedAt { get; set; }
    [JsonPropertyName("user")] public string User { get; set; } = string.Empty;
    [JsonPropertyName("host")] public string Host { get; set; } = string.Empty;
    [JsonPropertyName("ciRun")] public string? CiRun { get; set; }
    [JsonPropertyName("toolVersion")] public string ToolVersion { get; set; } = string.Empty;
    [JsonPropertyName("package")] public string Package { get; set; } = string.Empty;
    [JsonPropertyName("packageVersion")] public string PackageVersion { get; set; } = string.Empty;
    [JsonPropertyName("environment")] public string? Environment { get; set; }
    [JsonPropertyName("specHash")] public string? SpecHash { get; set; }
    [JsonPropertyName("planId")] public string? PlanId { get; set; }
    [JsonPropertyName("restoredFrom")] public long? RestoredFrom { get; set; }
    [JsonPropertyName("summary")] public HistorySummary Summary { get; set; } = new();
    [JsonPropertyName("snapshot")] public string? Snapshot { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
