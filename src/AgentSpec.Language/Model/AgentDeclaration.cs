namespace AgentSpec;

/// <summary>An <c>agent</c>: model, prompt, skills, strategy and limits.</summary>
public sealed class AgentDeclaration : Declaration
{
    internal AgentDeclaration(string name, Syntax.ItemSyntax syntax, string file)
        : base(name, syntax, file)
    {
    }

    public override string DeclarationKind => "agent";

    public string? PromptName { get; internal set; }

    public PromptDeclaration? Prompt { get; internal set; }

    public IReadOnlyList<string> SkillNames { get; internal set; } = Array.Empty<string>();

    public IReadOnlyList<SkillDeclaration?> Skills { get; internal set; } = Array.Empty<SkillDeclaration?>();

    public string? Model { get; internal set; }

    public IReadOnlyList<string>? Models { get; internal set; }

    public long? MaxTokens { get; internal set; }

    public double? BudgetDaily { get; internal set; }

    public double? BudgetMonthly { get; internal set; }

    public IReadOnlyList<string> GuardrailNames { get; internal set; } = Array.Empty<string>();

    public IReadOnlyList<GuardrailDeclaration?> Guardrails { get; internal set; } = Array.Empty<GuardrailDeclaration?>();

    public string? ClientName { get; internal set; }

    public ClientDeclaration? Client { get; internal set; }

    public string? Strategy { get; internal set; }

    public long? MaxTurns { get; internal set; }

    public string? Timeout { get; internal set; }

    public long? TokenBudget { get; internal set; }

    public double? Temperature { get; internal set; }

    public bool? Stream { get; internal set; }

    public string? OnError { get; internal set; }

    public long? MaxRetries { get; internal set; }

    public string? FallbackName { get; internal set; }

    public AgentDeclaration? Fallback { get; internal set; }

    public AgentMemory? Memory { get; internal set; }

    public IReadOnlyList<DelegationRule> Delegates { get; internal set; } = Array.Empty<DelegationRule>();

    public IReadOnlyList<ConfigParameter> Config { get; internal set; } = Array.Empty<ConfigParameter>();

    public IReadOnlyList<ValidationRule> Validate { get; internal set; } = Array.Empty<ValidationRule>();

    public IReadOnlyList<EvalCase> Eval { get; internal set; } = Array.Empty<EvalCase>();

    public IReadOnlyList<InputStatement>? OnInput { get; internal set; }

    public IReadOnlyDictionary<string, string> Metadata { get; internal set; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
