using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>One served agent of a runtime document (runtime spec §1.3), with the defaults of §4.1.</summary>
public sealed class AgentDefinition
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("fqn")] public string? Fqn { get; set; }
    [JsonPropertyName("prompt")] public string? Prompt { get; set; }
    [JsonPropertyName("model")] public string? Model { get; set; }
    [JsonPropertyName("models")] public List<string>? Models { get; set; }
    [JsonPropertyName("skills")] public List<string> Skills { get; set; } = new();
    [JsonPropertyName("strategy")] public string Strategy { get; set; } = "react";
    [JsonPropertyName("max_turns")] public int MaxTurns { get; set; } = 10;
    [JsonPropertyName("timeout")] public string Timeout { get; set; } = "30s";
    [JsonPropertyName("token_budget")] public long TokenBudget { get; set; } = 100000;
    [JsonPropertyName("temperature")] public double? Temperature { get; set; }
    [JsonPropertyName("max_tokens")] public int? MaxTokens { get; set; }
    [JsonPropertyName("stream")] public bool Stream { get; set; }
    [JsonPropertyName("on_error")] public string OnError { get; set; } = "fail";
    [JsonPropertyName("max_retries")] public int? MaxRetries { get; set; }
    [JsonPropertyName("fallback")] public string? Fallback { get; set; }
    [JsonPropertyName("memory")] public MemorySettings? Memory { get; set; }
    [JsonPropertyName("delegates")] public List<DelegateRule> Delegates { get; set; } = new();
    [JsonPropertyName("client")] public string? Client { get; set; }
    [JsonPropertyName("guardrails")] public List<string> Guardrails { get; set; } = new();
    [JsonPropertyName("budget_daily")] public double? BudgetDaily { get; set; }
    [JsonPropertyName("budget_monthly")] public double? BudgetMonthly { get; set; }
    [JsonPropertyName("config")] public List<RuntimeConfigParameter> Config { get; set; } = new();
    [JsonPropertyName("validate")] public JsonElement? Validate { get; set; }
    [JsonPropertyName("eval")] public JsonElement? Eval { get; set; }
    [JsonPropertyName("on_input")] public JsonElement? OnInput { get; set; }

    /// <summary>The model chain: <c>models</c> when given, else <c>[model]</c>.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ModelChain =>
        Models is { Count: > 0 } ? Models : Model is { Length: > 0 } ? new[] { Model } : Array.Empty<string>();

    /// <summary><c>max_retries</c> with its default: 3 when <c>on_error</c> is <c>retry</c>, else 0.</summary>
    [JsonIgnore]
    public int EffectiveMaxRetries => MaxRetries ?? (OnError == "retry" ? 3 : 0);

    /// <summary><c>max_tokens</c> with its default of 4096.</summary>
    [JsonIgnore]
    public int EffectiveMaxTokens => MaxTokens ?? 4096;
}
