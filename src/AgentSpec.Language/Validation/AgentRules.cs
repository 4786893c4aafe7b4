using AgentSpec.Binding;

namespace AgentSpec.Validation;

/// <summary>Agent attribute rules (spec §3.5): required prompt and model, enums, ranges, durations, info AS3015.</summary>
internal static class AgentRules
{
    public static void Check(ValidationContext context, AgentDeclaration agent)
    {
        var name = ValidationContext.Describe(agent);
        NameRules.CheckDeclarationName(context, agent);
        if (!agent.IsIncomplete)
        {
            if (agent.PromptName is null && agent.LocationOf("uses prompt") is null)
            {
                context.ReportAtName("AS3004", agent, $"{name} requires a prompt", "uses prompt \"system\"");
            }

            if (agent.Model is null && agent.Models is null && agent.LocationOf("model") is null && agent.LocationOf("models") is null)
            {
                context.ReportAtName("AS3004", agent, $"{name} requires 'model' or 'models'", "model \"claude-sonnet-4-20250514\"");
            }

            if (agent.OnError == "fallback" && agent.FallbackName is null)
            {
                context.ReportAtName("AS3004", agent, $"{name} requires 'fallback' because on_error is \"fallback\"", "fallback \"backup-agent\"");
            }
        }

        CheckModelExclusive(context, agent, name);
        ValueChecks.NonEmpty(context, agent, "model", "model", agent.Model);
        if (agent.Models is { } models && (models.Count == 0 || models.Any(m => m.Length == 0)))
        {
            context.ReportAt("AS3011", agent, "models", "'models' must not be empty");
        }

        ValueChecks.Enum(context, agent, "strategy", "strategy", agent.Strategy, AttributeSchema.Strategies);
        ValueChecks.Enum(context, agent, "on_error", "on_error", agent.OnError, AttributeSchema.OnErrorValues);
        ValueChecks.Range(context, agent, "max_tokens", "max_tokens", agent.MaxTokens, agent.MaxTokens >= 1, "at least 1");
        ValueChecks.Range(context, agent, "max_turns", "max_turns", agent.MaxTurns, agent.MaxTurns >= 1, "at least 1");
        ValueChecks.Range(context, agent, "token_budget", "token_budget", agent.TokenBudget, agent.TokenBudget >= 0, "at least 0");
        ValueChecks.Range(context, agent, "temperature", "temperature", agent.Temperature, agent.Temperature is >= 0 and <= 2, "between 0 and 2");
        ValueChecks.Range(context, agent, "max_retries", "max_retries", agent.MaxRetries, agent.MaxRetries >= 0, "at least 0");
        ValueChecks.Range(context, agent, "budget daily", "budget daily", agent.BudgetDaily, agent.BudgetDaily >= 0, "at least 0");
        ValueChecks.Range(context, agent, "budget monthly", "budget monthly", agent.BudgetMonthly, agent.BudgetMonthly >= 0, "at least 0");
        ValueChecks.Duration(context, agent, "timeout", "timeout", agent.Timeout);
        if (agent.Memory is { } memory)
        {
            ValueChecks.OpenEnum(context, agent, "memory.strategy", "strategy", memory.Strategy, AttributeSchema.MemoryStrategies);
            ValueChecks.Range(context, agent, "memory.max_messages", "max_messages", memory.MaxMessages, memory.MaxMessages >= 1, "at least 1");
        }

        if (agent.FallbackName is not null && agent.OnError is not null and not "fallback")
        {
            context.ReportAt("AS3015", agent, "fallback", $"'fallback' has no effect unless on_error is \"fallback\" (it is \"{agent.OnError}\")");
        }
        else if (agent.FallbackName is not null && agent.OnError is null)
        {
            context.ReportAt("AS3015", agent, "fallback", "'fallback' has no effect unless on_error is \"fallback\"", "on_error \"fallback\"");
        }

        if (agent.MaxRetries is not null && agent.OnError != "retry")
        {
            context.ReportAt("AS3015", agent, "max_retries", "'max_retries' has no effect unless on_error is \"retry\"", "on_error \"retry\"");
        }
    }

    /// <summary>AS3005 when both <c>model</c> and <c>models</c> are written (at the later one).</summary>
    private static void CheckModelExclusive(ValidationContext context, AgentDeclaration agent, string name)
    {
        if (agent.Model is null || agent.Models is null)
        {
            return;
        }

        var items = ValidationContext.Items(agent);
        var model = ValidationContext.Last(items, "model");
        var models = ValidationContext.Last(items, "models");
        if (model is null || models is null)
        {
            return;
        }

        var later = model.Range.Start.CompareTo(models.Range.Start) > 0 ? model : models;
        var (first, second) = later == model ? ("models", "model") : ("model", "models");
        context.Report("AS3005", agent, ValidationContext.KeywordRange(later), $"{name} sets both '{first}' and '{second}'", "keep one");
    }
}
