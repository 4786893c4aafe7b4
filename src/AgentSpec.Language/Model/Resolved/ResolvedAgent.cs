namespace AgentSpec;

/// <summary>A served agent with every default of language spec §3.5 applied (§10.2).</summary>
public sealed class ResolvedAgent
{
    public string Name { get; internal init; } = string.Empty;

    public string Fqn { get; internal init; } = string.Empty;

    public string Prompt { get; internal init; } = string.Empty;

    public IReadOnlyList<string> Skills { get; internal init; } = Array.Empty<string>();

    /// <summary>The single model, when written as <c>model</c>.</summary>
    public string? Model { get; internal init; }

    /// <summary>The model chain: <c>[model]</c> or the <c>models</c> list.</summary>
    public IReadOnlyList<string> Models { get; internal init; } = Array.Empty<string>();

    public long MaxTokens { get; internal init; }

    public string Strategy { get; internal init; } = "react";

    public long MaxTurns { get; internal init; }

    public Duration Timeout { get; internal init; } = Duration.Parse("30s");

    public long TokenBudget { get; internal init; }

    /// <summary>Null = the provider default.</summary>
    public double? Temperature { get; internal init; }

    public bool Stream { get; internal init; }

    public string OnError { get; internal init; } = "fail";

    public long MaxRetries { get; internal init; }

    public string? Fallback { get; internal init; }

    public ResolvedMemory Memory { get; internal init; } = new();

    public IReadOnlyList<ResolvedDelegate> Delegates { get; internal init; } = Array.Empty<ResolvedDelegate>();

    public string? Client { get; internal init; }

    public IReadOnlyList<string> Guardrails { get; internal init; } = Array.Empty<string>();

    public ResolvedBudget Budget { get; internal init; } = new();

    public IReadOnlyList<ConfigParameter> Config { get; internal init; } = Array.Empty<ConfigParameter>();

    public IReadOnlyList<ResolvedValidationRule> Validate { get; internal init; } = Array.Empty<ResolvedValidationRule>();

    public IReadOnlyList<ResolvedEvalCase> Eval { get; internal init; } = Array.Empty<ResolvedEvalCase>();

    /// <summary>The deterministic request flow, or null; expressions are kept as text.</summary>
    public IReadOnlyList<InputStatement>? OnInput { get; internal init; }

    public IReadOnlyDictionary<string, string> Metadata { get; internal init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public override string ToString() => Name;
}
