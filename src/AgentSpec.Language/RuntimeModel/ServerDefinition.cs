using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>An MCP server: <c>{transport, command?, args?, url?, env?, auth?}</c> (<c>auth</c> is a secret name).</summary>
public sealed class ServerDefinition
{
    [JsonPropertyName("transport")] public string Transport { get; set; } = "stdio";
    [JsonPropertyName("command")] public string? Command { get; set; }
    [JsonPropertyName("args")] public List<string> Args { get; set; } = new();
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("env")] public Dictionary<string, string> Env { get; set; } = new(StringComparer.Ordinal);
    [JsonPropertyName("auth")] public string? Auth { get; set; }
}
