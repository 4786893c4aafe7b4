using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>The deploy block a runtime document serves: <c>{name, target, port, health_path}</c>.</summary>
public sealed class DeployDefinition
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("target")] public string Target { get; set; } = "";
    [JsonPropertyName("port")] public int? Port { get; set; }
    [JsonPropertyName("health_path")] public string? HealthPath { get; set; }
}
