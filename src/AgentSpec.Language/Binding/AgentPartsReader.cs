using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>Reads an agent's config parameters, validate rules and eval cases (spec §3.5.1–§3.5.3).</summary>
internal static class AgentPartsReader
{
    public static IEnumerable<ConfigParameter> Config(BodySyntax? body, BindContext context)
    {
        foreach (var entry in body?.Items ?? [])
        {
            if (entry.Values.Count < 2)
            {
                continue;
            }

            yield return new ConfigParameter
            {
                Name = ValueReader.NameText(entry.Values[0]),
                Type = ValueReader.NameText(entry.Values[1]),
                Required = entry.HasModifier("required"),
                Secret = entry.HasModifier("secret"),
                Default = entry.Modifier("default")?.Value?.Text,
                Description = entry.Modifier("description")?.Value?.Text,
            };
        }
    }

    public static IEnumerable<ValidationRule> Rules(BodySyntax? body, BindContext context)
    {
        foreach (var rule in body?.Items ?? [])
        {
            if (rule.Values.Count == 0)
            {
                continue;
            }

            yield return new ValidationRule
            {
                Name = ValueReader.NameText(rule.Values[0]),
                Severity = rule.Values.Count > 1 ? rule.Values[1].Text : null,
                MaxRetries = context.Values.Integer(rule.Modifier("max_retries")?.Value, "max_retries"),
                Message = rule.Modifier("message")?.Value?.Text,
                When = rule.Modifier("when")?.Value?.Text,
            };
        }
    }

    public static IEnumerable<EvalCase> Cases(BodySyntax? body, BindContext context)
    {
        foreach (var item in body?.Items ?? [])
        {
            if (item.Values.Count == 0)
            {
                continue;
            }

            var evalCase = new EvalCase { Name = ValueReader.NameText(item.Values[0]) };
            foreach (var part in item.Body?.Items ?? [])
            {
                var value = context.Value(part);
                switch (part.Key)
                {
                    case "input": evalCase.Input = context.Values.String(value, "input"); break;
                    case "expect": evalCase.Expect = context.Values.String(value, "expect"); break;
                    case "scoring":
                        evalCase.Scoring = context.Values.Enum(value, "scoring");
                        var threshold = part.Modifier("threshold")?.Value;
                        if (threshold is not null)
                        {
                            evalCase.Threshold = context.Values.Float(threshold, "threshold");
                        }

                        break;
                    case "threshold": evalCase.Threshold = context.Values.Float(value, "threshold"); break;
                    case "tags": evalCase.Tags = Tags(value, context); break;
                }
            }

            yield return evalCase;
        }
    }

    /// <summary>Eval tags: a list, or a single string split at commas into trimmed, non-empty tags (spec §1.12).</summary>
    private static IReadOnlyList<string> Tags(ValueSyntax? value, BindContext context) => value switch
    {
        StringValueSyntax text => text.Text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        _ => context.Values.List(value, "tags") ?? [],
    };
}
