using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>The package a runtime document was built from: <c>{name, version}</c>.</summary>
public sealed class PackageReference
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("version")] public string Version { get; set; } = "";
}
