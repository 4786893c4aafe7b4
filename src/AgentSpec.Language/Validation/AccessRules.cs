using AgentSpec.Binding;
using AgentSpec.Syntax;

namespace AgentSpec.Validation;

/// <summary>User and guardrail rules (spec §3.11): required key, role, guardrail mode, terms, patterns and fallback.</summary>
internal static class AccessRules
{
    public static void Check(ValidationContext context, UserDeclaration user)
    {
        if (user.Key is null && !user.IsIncomplete && user.LocationOf("key") is null)
        {
            context.ReportAtName("AS3004", user, $"{ValidationContext.Describe(user)} requires 'key'", "key secret(\"api-key\")");
        }

        ValueChecks.NonEmpty(context, user, "key", "key", user.Key);
        ValueChecks.Enum(context, user, "role", "role", user.Role, AttributeSchema.Roles);
    }

    public static void Check(ValidationContext context, GuardrailDeclaration guardrail)
    {
        var name = ValidationContext.Describe(guardrail);
        if (!guardrail.IsIncomplete)
        {
            if (guardrail.Mode is null && guardrail.LocationOf("mode") is null)
            {
                context.ReportAtName("AS3004", guardrail, $"{name} requires 'mode'", "mode \"block\"");
            }

            if (guardrail.Keywords.Count == 0 && guardrail.Patterns.Count == 0)
            {
                context.ReportAtName("AS3004", guardrail, $"{name} requires at least one keyword or pattern", "keywords [\"password\"]");
            }

            if (guardrail.Mode == "block" && guardrail.Fallback is null && guardrail.LocationOf("fallback") is null)
            {
                context.ReportAtName("AS3004", guardrail, $"{name} requires 'fallback' in block mode", "fallback \"I cannot share that.\"");
            }
        }

        ValueChecks.Enum(context, guardrail, "mode", "mode", guardrail.Mode, AttributeSchema.GuardrailModes);
        var patterns = ValidationContext.Last(ValidationContext.Items(guardrail), "patterns");
        var value = patterns?.Values.Count > 0 ? patterns.Values[^1] : null;
        IReadOnlyList<ValueSyntax> items = value switch
        {
            ListValueSyntax list => list.Elements,
            StringValueSyntax text => [text],
            _ => [],
        };
        foreach (var pattern in items)
        {
            if (ValueChecks.RegexError(pattern.Text) is { } reason)
            {
                context.Report("AS3022", guardrail, pattern.Range, $"invalid pattern \"{pattern.Text}\": {reason}", ".NET regular expression syntax");
            }
        }
    }
}
