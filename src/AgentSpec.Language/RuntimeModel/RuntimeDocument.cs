using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>
/// The resolved, secret-free runtime document (runtime spec §1.3, <c>format_version</c> 1) that the deployment engine
/// writes as <c>config.json</c> and that the runtime serves. Absent optional fields take the defaults of runtime spec §4.1.
/// </summary>
public sealed class RuntimeDocument
{
    /// <summary>The highest <c>format_version</c> this model understands.</summary>
    public const int SupportedFormatVersion = 1;

    [JsonPropertyName("format_version")] public int FormatVersion { get; set; }
    [JsonPropertyName("spec_hash")] public string? SpecHash { get; set; }
    [JsonPropertyName("package")] public PackageReference Package { get; set; } = new();
    [JsonPropertyName("environment")] public string? Environment { get; set; }
    [JsonPropertyName("deploy")] public DeployDefinition? Deploy { get; set; }
    [JsonPropertyName("settings")] public Dictionary<string, string> Settings { get; set; } = new(StringComparer.Ordinal);
    [JsonPropertyName("secrets")] public Dictionary<string, SecretBinding> Secrets { get; set; } = new(StringComparer.Ordinal);
    [JsonPropertyName("prompts")] public Dictionary<string, PromptDefinition> Prompts { get; set; } = new(StringComparer.Ordinal);
    [JsonPropertyName("types")] public Dictionary<string, TypeDefinition> Types { get; set; } = new(StringComparer.Ordinal);
    [JsonPropertyName("skills")] public Dictionary<string, SkillDefinition> Skills { get; set; } = new(StringComparer.Ordinal);
    [JsonPropertyName("agents")] public List<AgentDefinition> Agents { get; set; } = new();
    [JsonPropertyName("servers")] public Dictionary<string, ServerDefinition> Servers { get; set; } = new(StringComparer.Ordinal);
    [JsonPropertyName("clients")] public Dictionary<string, ClientDefinition> Clients { get; set; } = new(StringComparer.Ordinal);
    [JsonPropertyName("pipelines")] public Dictionary<string, PipelineDefinition> Pipelines { get; set; } = new(StringComparer.Ordinal);
    [JsonPropertyName("guardrails")] public Dictionary<string, GuardrailDefinition> Guardrails { get; set; } = new(StringComparer.Ordinal);
    [JsonPropertyName("users")] public Dictionary<string, UserDefinition> Users { get; set; } = new(StringComparer.Ordinal);
}
