using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>A declared type: a record of <c>fields</c>, an <c>enum</c>, or a <c>list_of</c> another type.</summary>
public sealed class TypeDefinition
{
    [JsonPropertyName("fields")] public List<RuntimeFieldDefinition>? Fields { get; set; }
    [JsonPropertyName("enum")] public List<string>? Enum { get; set; }
    [JsonPropertyName("list_of")] public string? ListOf { get; set; }
}
