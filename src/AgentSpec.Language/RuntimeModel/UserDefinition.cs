using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>An API user: the environment variable holding the key, the permitted agents (empty = all) and the role.</summary>
public sealed class UserDefinition
{
    [JsonPropertyName("key_env")] public string KeyEnv { get; set; } = "";
    [JsonPropertyName("agents")] public List<string> Agents { get; set; } = new();
    [JsonPropertyName("role")] public string Role { get; set; } = "invoke";
}
