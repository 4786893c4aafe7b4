namespace AgentSpec;

/// <summary>
/// The resolved configuration of one deploy unit (language spec §10.2): the overlaid, policy-checked document limited
/// to what the served agents reach, with every default applied. <see cref="ToJson"/> gives its <c>resolved.json</c>.
/// </summary>
public sealed class ResolvedConfiguration
{
    public PackageInfo Package { get; internal init; } = new(string.Empty, null, null, new SourceLocation(string.Empty, default));

    public string? Environment { get; internal init; }

    public IReadOnlyList<ResolvedAgent> Agents { get; internal init; } = Array.Empty<ResolvedAgent>();

    public IReadOnlyList<ResolvedPrompt> Prompts { get; internal init; } = Array.Empty<ResolvedPrompt>();

    public IReadOnlyList<ResolvedSkill> Skills { get; internal init; } = Array.Empty<ResolvedSkill>();

    public IReadOnlyList<ResolvedType> Types { get; internal init; } = Array.Empty<ResolvedType>();

    public IReadOnlyList<ResolvedServer> Servers { get; internal init; } = Array.Empty<ResolvedServer>();

    public IReadOnlyList<ResolvedClient> Clients { get; internal init; } = Array.Empty<ResolvedClient>();

    public IReadOnlyList<ResolvedGuardrail> Guardrails { get; internal init; } = Array.Empty<ResolvedGuardrail>();

    public IReadOnlyList<ResolvedUser> Users { get; internal init; } = Array.Empty<ResolvedUser>();

    public IReadOnlyList<ResolvedPipeline> Pipelines { get; internal init; } = Array.Empty<ResolvedPipeline>();

    public IReadOnlyList<SecretReference> Secrets { get; internal init; } = Array.Empty<SecretReference>();

    public ResolvedDeploy Deploy { get; internal init; } = new();

    public ResolvedState State { get; internal init; } = new();

    /// <summary>The names of the policies evaluated for this configuration.</summary>
    public IReadOnlyList<string> Policies { get; internal init; } = Array.Empty<string>();

    /// <summary>The stable, secret-free canonical JSON form (snake_case keys, sorted).</summary>
    public string ToJson() => Resolution.ResolvedJson.Write(Resolution.ResolvedJson.Configuration(this));
}
