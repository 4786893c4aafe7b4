using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>Applies agent items (or agent overrides) to an <see cref="AgentDeclaration"/> (spec §3.5, §6.2).</summary>
internal static class AgentReader
{
    public static void Apply(AgentDeclaration agent, ItemSyntax item, BindContext context)
    {
        var values = context.Values;
        var value = context.Value(item);
        var lenient = context.IsOverride;
        var key = item.Key;
        if (key is not ("uses skill" or "uses guardrail" or "delegate" or "config" or "validate" or "eval"))
        {
            context.Singular(agent, item, key);
        }

        if (value is not null)
        {
            context.Located(agent, key, value);
        }

        switch (key)
        {
            case "uses prompt":
                agent.PromptName = values.String(value, "prompt", lenient, allowWord: true) ?? agent.PromptName;
                break;
            case "uses skill":
                var skill = values.String(value, "uses skill", lenient);
                if (skill is not null)
                {
                    if (agent.SkillNames.Contains(skill) && value is not null)
                    {
                        context.Diagnostics.Add(
                            "AS2016",
                            value.Range,
                            $"'uses skill' is set more than once in agent \"{agent.Name}\"; the last value is used",
                            $"remove the second 'uses skill \"{skill}\"'");
                    }

                    agent.SkillNames = [.. agent.SkillNames, skill];
                    context.Located(agent, $"uses skill.{agent.SkillNames.Count - 1}", item);
                }

                break;
            case "uses guardrail":
                var guardrail = values.String(value, "uses guardrail", lenient);
                if (guardrail is not null)
                {
                    agent.GuardrailNames = [.. agent.GuardrailNames, guardrail];
                }

                break;
            case "model":
                agent.Model = values.String(value, "model", lenient);
                if (context.IsOverride)
                {
                    agent.Models = null;
                }

                break;
            case "models":
                agent.Models = values.List(value, "models", lenient);
                if (context.IsOverride)
                {
                    agent.Model = null;
                }

                break;
            case "max_tokens": agent.MaxTokens = values.Integer(value, key, lenient); break;
            case "budget daily": agent.BudgetDaily = values.Float(value, key, lenient); break;
            case "budget monthly": agent.BudgetMonthly = values.Float(value, key, lenient); break;
            case "connects": agent.ClientName = values.String(value, "connects", lenient); break;
            case "strategy": agent.Strategy = values.Enum(value, "strategy"); break;
            case "max_turns": agent.MaxTurns = values.Integer(value, key, lenient); break;
            case "timeout": agent.Timeout = values.String(value, key, lenient); break;
            case "token_budget": agent.TokenBudget = values.Integer(value, key, lenient); break;
            case "temperature": agent.Temperature = values.Float(value, key, lenient); break;
            case "stream": agent.Stream = values.Boolean(value, key, lenient); break;
            case "on_error": agent.OnError = values.Enum(value, key); break;
            case "max_retries": agent.MaxRetries = values.Integer(value, key, lenient); break;
            case "fallback": agent.FallbackName = values.String(value, key, lenient); break;
            case "memory":
                agent.Memory = ReadMemory(agent, item.Body, context, context.IsOverride ? agent.Memory : null);
                break;
            case "delegate":
                var target = values.String(value, "delegate", lenient);
                if (target is not null && value is not null)
                {
                    var when = item.Modifier("when")?.Value;
                    agent.Delegates = [.. agent.Delegates, new DelegationRule
                    {
                        AgentName = target,
                        When = when is null ? null : values.String(when, "when", lenient),
                    }];
                    context.Located(agent, $"delegate.{agent.Delegates.Count - 1}", value);
                }

                break;
            case "config":
                agent.Config = [.. agent.Config, .. AgentPartsReader.Config(item.Body, context)];
                break;
            case "validate":
                agent.Validate = [.. agent.Validate, .. AgentPartsReader.Rules(item.Body, context)];
                break;
            case "eval":
                agent.Eval = [.. agent.Eval, .. AgentPartsReader.Cases(item.Body, context)];
                break;
            case "on input":
                agent.OnInput = InputStatementReader.Read(item.Body, context);
                break;
            case "metadata":
                agent.Metadata = values.Map(item.Body, "metadata", context.IsOverride ? new(agent.Metadata, StringComparer.Ordinal) : null);
                break;
        }
    }

    private static AgentMemory ReadMemory(AgentDeclaration agent, BodySyntax? body, BindContext context, AgentMemory? existing)
    {
        var memory = existing is null ? new AgentMemory() : new AgentMemory { Strategy = existing.Strategy, MaxMessages = existing.MaxMessages };
        foreach (var item in body?.Items ?? [])
        {
            var value = context.Value(item);
            var path = "memory." + item.Key;
            context.Singular(agent, item, path);
            if (value is not null)
            {
                context.Located(agent, path, value);
            }

            switch (item.Key)
            {
                case "strategy": memory.Strategy = context.Values.Enum(value, "strategy"); break;
                case "max_messages": memory.MaxMessages = context.Values.Integer(value, "max_messages", context.IsOverride); break;
            }
        }

        return memory;
    }
}
