using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>Where the runtime finds a secret's value: the environment variable named by <c>env</c>.</summary>
public sealed class SecretBinding
{
    [JsonPropertyName("env")] public string Env { get; set; } = "";
}
