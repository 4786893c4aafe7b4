namespace AgentSpec;

/// <summary>
/// The bound document (language spec §10.1): the root file and its imports merged, every declaration typed and its
/// references resolved, plus all diagnostics. Collections are in declaration order (root file first, then imports
/// depth-first). Defaults are not applied here.
/// </summary>
public sealed class Document
{
    public PackageInfo? Package { get; internal set; }

    /// <summary>Every file of the document, root first, in merge order.</summary>
    public IReadOnlyList<string> Files { get; internal set; } = Array.Empty<string>();

    /// <summary>
    /// Full path of the entry file (null for text that was not read from a file). It binds to <c>-LiteralPath</c> by
    /// property name, so <c>Get-AgentSpec x.ias | Get-AgentSpecPlan</c> plans the file the document came from.
    /// </summary>
    public string? SourceFile => SourceFiles.Count > 0 ? SourceFiles[0].FullPath : null;

    public IReadOnlyList<ImportInfo> Imports { get; internal set; } = Array.Empty<ImportInfo>();

    public IReadOnlyList<Diagnostic> Diagnostics { get; internal set; } = Array.Empty<Diagnostic>();

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public IReadOnlyList<AgentDeclaration> Agents { get; internal set; } = Array.Empty<AgentDeclaration>();

    public IReadOnlyList<PromptDeclaration> Prompts { get; internal set; } = Array.Empty<PromptDeclaration>();

    public IReadOnlyList<SkillDeclaration> Skills { get; internal set; } = Array.Empty<SkillDeclaration>();

    public IReadOnlyList<SecretDeclaration> Secrets { get; internal set; } = Array.Empty<SecretDeclaration>();

    public IReadOnlyList<EnvironmentDeclaration> Environments { get; internal set; } = Array.Empty<EnvironmentDeclaration>();

    public IReadOnlyList<PolicyDeclaration> Policies { get; internal set; } = Array.Empty<PolicyDeclaration>();

    public IReadOnlyList<DeployDeclaration> Deploys { get; internal set; } = Array.Empty<DeployDeclaration>();

    public IReadOnlyList<PipelineDeclaration> Pipelines { get; internal set; } = Array.Empty<PipelineDeclaration>();

    public IReadOnlyList<TypeDeclaration> Types { get; internal set; } = Array.Empty<TypeDeclaration>();

    public IReadOnlyList<ServerDeclaration> Servers { get; internal set; } = Array.Empty<ServerDeclaration>();

    public IReadOnlyList<ClientDeclaration> Clients { get; internal set; } = Array.Empty<ClientDeclaration>();

    public IReadOnlyList<UserDeclaration> Users { get; internal set; } = Array.Empty<UserDeclaration>();

    public IReadOnlyList<GuardrailDeclaration> Guardrails { get; internal set; } = Array.Empty<GuardrailDeclaration>();

    public IReadOnlyList<PluginDeclaration> Plugins { get; internal set; } = Array.Empty<PluginDeclaration>();

    public IReadOnlyList<BindingDeclaration> Bindings { get; internal set; } = Array.Empty<BindingDeclaration>();

    public StateDeclaration? State { get; internal set; }

    /// <summary>The environment whose overrides were applied, or null for the base document.</summary>
    public string? Environment { get; internal set; }

    internal IReadOnlyList<Binding.SourceFile> SourceFiles { get; set; } = Array.Empty<Binding.SourceFile>();

    internal Binding.SymbolTable? Symbols { get; set; }

    public override string ToString() => Package is null ? "document" : $"package {Package}";
}
