using AgentSpec.Binding;
using AgentSpec.Syntax;
using AgentSpec.Validation.Expressions;

namespace AgentSpec.Validation;

/// <summary>Config parameters, validate rules and eval cases of an agent (spec §3.5.1–§3.5.3), checked on the syntax.</summary>
internal static class AgentPartRules
{
    public static void Check(ValidationContext context, AgentDeclaration agent)
    {
        var parameters = new MemberNames(context, agent, "config parameter");
        var rules = new MemberNames(context, agent, "rule");
        var cases = new MemberNames(context, agent, "case");
        foreach (var item in ValidationContext.Items(agent))
        {
            switch (item.Key)
            {
                case "config":
                    foreach (var entry in item.Body?.Items ?? [])
                    {
                        CheckParameter(context, agent, entry, parameters);
                    }

                    break;
                case "validate":
                    foreach (var rule in item.Body?.Items ?? [])
                    {
                        CheckRule(context, agent, rule, rules);
                    }

                    break;
                case "eval":
                    foreach (var evalCase in item.Body?.Items ?? [])
                    {
                        CheckCase(context, agent, evalCase, cases);
                    }

                    break;
            }
        }
    }

    private static void CheckParameter(ValidationContext context, AgentDeclaration agent, ItemSyntax entry, MemberNames names)
    {
        if (entry.Values.Count < 2)
        {
            return;
        }

        var name = entry.Values[0].Text;
        names.Add(entry);
        if (name.Length == 0)
        {
            context.Report("AS3011", agent, entry.Values[0].Range, "'name' must not be empty");
        }

        var type = entry.Values[1];
        if (!ValueChecksFor(context, agent, type))
        {
            return;
        }

        var defaultValue = entry.Modifier("default");
        ScalarValues.CheckDefault(context, agent, name, type.Text, defaultValue);
        if (defaultValue is not null && entry.Modifier("secret") is { } secret)
        {
            var later = secret.Range.Start.CompareTo(defaultValue.Range.Start) > 0 ? secret : defaultValue;
            var (first, second) = later == secret ? ("default", "secret") : ("secret", "default");
            context.Report("AS3005", agent, later.Keyword?.Range ?? later.Range, $"config parameter \"{name}\" sets both '{first}' and '{second}'", "keep one");
        }

        if (defaultValue is not null && entry.HasModifier("required"))
        {
            context.Report(
                "AS3012",
                agent,
                defaultValue.Keyword?.Range ?? defaultValue.Range,
                $"'{name}' is required and has a default; the default is never used",
                "remove one");
        }
    }

    /// <summary>AS3006 for a config type outside string, int, float, bool; true when the type is valid.</summary>
    private static bool ValueChecksFor(ValidationContext context, AgentDeclaration agent, ValueSyntax type)
    {
        if (ScalarValues.IsScalarType(type.Text))
        {
            return true;
        }

        context.Report(
            "AS3006",
            agent,
            type.Range,
            $"invalid type \"{type.Text}\" for {ValidationContext.Describe(agent)}",
            Diagnostics.DidYouMean.Hint(type.Text, AttributeSchema.ScalarTypes, "valid values"));
        return false;
    }

    private static void CheckRule(ValidationContext context, AgentDeclaration agent, ItemSyntax rule, MemberNames names)
    {
        if (rule.Values.Count == 0)
        {
            return;
        }

        names.Add(rule);
        if (rule.Values.Count > 1 && !AttributeSchema.Severities.Contains(rule.Values[1].Text))
        {
            context.Report(
                "AS3006",
                agent,
                rule.Values[1].Range,
                $"invalid severity \"{rule.Values[1].Text}\" for {ValidationContext.Describe(agent)}",
                Diagnostics.DidYouMean.Hint(rule.Values[1].Text, AttributeSchema.Severities, "valid values"));
        }

        if (rule.Modifier("max_retries")?.Value is NumberValueSyntax { IntegerValue: < 0 } retries)
        {
            context.Report("AS3008", agent, retries.Range, $"'max_retries' must be at least 0, found {retries.Text}");
        }

        if (rule.Modifier("when")?.Value is ExpressionSyntax when)
        {
            Expression(context, agent, when);
        }
    }

    private static void CheckCase(ValidationContext context, AgentDeclaration agent, ItemSyntax evalCase, MemberNames names)
    {
        if (evalCase.Values.Count == 0)
        {
            return;
        }

        names.Add(evalCase);
        var caseName = evalCase.Values[0].Text;
        var parts = evalCase.Body?.Items ?? [];
        var input = ValidationContext.Last(parts, "input");
        var expect = ValidationContext.Last(parts, "expect");
        var keyword = ValidationContext.KeywordRange(evalCase);
        var owner = ValidationContext.Describe(agent);
        if (!agent.IsIncomplete)
        {
            if (input is null)
            {
                context.Report("AS3004", agent, keyword, $"{owner} requires 'input' in eval case \"{caseName}\"", "input \"a question\"");
            }

            if (expect is null)
            {
                context.Report("AS3004", agent, keyword, $"{owner} requires 'expect' in eval case \"{caseName}\"", "expect \"the answer\"");
            }
        }

        foreach (var part in new[] { input, expect })
        {
            if (part?.Values.Count > 0 && part.Values[^1] is StringValueSyntax { Text.Length: 0 } empty)
            {
                context.Report("AS3011", agent, empty.Range, $"'{part.Key}' must not be empty");
            }
        }

        var scoringItem = ValidationContext.Last(parts, "scoring");
        var scoring = scoringItem?.Values.Count > 0 ? scoringItem.Values[^1] : null;
        if (scoring is not null && !AttributeSchema.Scorings.Contains(scoring.Text))
        {
            context.Report(
                "AS3006",
                agent,
                scoring.Range,
                $"invalid scoring \"{scoring.Text}\" for {owner}",
                Diagnostics.DidYouMean.Hint(scoring.Text, AttributeSchema.Scorings, "valid values"));
        }

        var threshold = ThresholdValue(parts);
        if (threshold is NumberValueSyntax { Suffix: null } number)
        {
            var value = number.FloatValue;
            if (value is < 0 or > 1)
            {
                context.Report("AS3008", agent, number.Range, $"'threshold' must be between 0 and 1, found {number.Text}");
            }

            if (scoring is not null && scoring.Text != "semantic")
            {
                context.Report("AS3015", agent, number.Range, $"'threshold' has no effect with scoring \"{scoring.Text}\"", "threshold applies to semantic scoring");
            }
        }

        if (scoring?.Text == "regex" && expect?.Values.Count > 0 && expect.Values[^1] is StringValueSyntax pattern &&
            ValueChecks.RegexError(pattern.Text) is { } reason)
        {
            context.Report("AS3022", agent, pattern.Range, $"invalid pattern \"{pattern.Text}\": {reason}", ".NET regular expression syntax");
        }
    }

    /// <summary>The threshold that wins: a <c>threshold</c> item or the modifier of <c>scoring</c>, whichever is written last.</summary>
    private static ValueSyntax? ThresholdValue(IReadOnlyList<ItemSyntax> parts)
    {
        ValueSyntax? threshold = null;
        foreach (var part in parts)
        {
            if (part.Key == "threshold" && part.Values.Count > 0)
            {
                threshold = part.Values[^1];
            }
            else if (part.Key == "scoring" && part.Modifier("threshold")?.Value is { } modifier)
            {
                threshold = modifier;
            }
        }

        return threshold;
    }

    /// <summary>AS3018 for each problem of an expression, at the expression.</summary>
    public static void Expression(ValidationContext context, Declaration owner, ValueSyntax expression)
    {
        foreach (var problem in ExpressionChecker.Check(expression.Text))
        {
            context.Report("AS3018", owner, expression.Range, problem);
        }
    }
}
