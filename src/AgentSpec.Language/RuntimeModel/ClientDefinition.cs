using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>An MCP client: the servers whose tools an agent that <c>connects to client</c> gets.</summary>
public sealed class ClientDefinition
{
    [JsonPropertyName("servers")] public List<string> Servers { get; set; } = new();
}
