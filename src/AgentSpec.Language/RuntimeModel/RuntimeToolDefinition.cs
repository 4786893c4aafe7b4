using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>
/// A skill's tool (runtime spec §5): <c>type</c> is <c>command</c>, <c>http</c>, <c>inline</c> or <c>mcp</c>; the other
/// fields are those of that variant. An <c>mcp</c> tool names its server and tool in <c>server</c> and <c>name</c>
/// (the language's <c>tool mcp "server/tool"</c>).
/// </summary>
public sealed class RuntimeToolDefinition
{
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("binary")] public string? Binary { get; set; }
    [JsonPropertyName("args")] public List<string> Args { get; set; } = new();
    [JsonPropertyName("timeout")] public string? Timeout { get; set; }
    [JsonPropertyName("env")] public Dictionary<string, string> Env { get; set; } = new(StringComparer.Ordinal);
    [JsonPropertyName("secrets")] public Dictionary<string, string> Secrets { get; set; } = new(StringComparer.Ordinal);
    [JsonPropertyName("method")] public string? Method { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("headers")] public Dictionary<string, string> Headers { get; set; } = new(StringComparer.Ordinal);
    [JsonPropertyName("body_template")] public string? BodyTemplate { get; set; }
    [JsonPropertyName("language")] public string? Language { get; set; }
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("memory")] public string? Memory { get; set; }
    [JsonPropertyName("server")] public string? Server { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
}
