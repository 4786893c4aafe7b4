using System.Text.RegularExpressions;
using AgentSpec.Binding;
using AgentSpec.Syntax;

namespace AgentSpec.Validation;

/// <summary>Prompt rules (spec §3.3): required content, variables, and placeholders (AS3013/AS3014).</summary>
internal static partial class PromptRules
{
    public static void Check(ValidationContext context, PromptDeclaration prompt)
    {
        var name = ValidationContext.Describe(prompt);
        if (prompt.Content is null && !prompt.IsIncomplete && prompt.LocationOf("content") is null)
        {
            context.ReportAtName("AS3004", prompt, $"{name} requires 'content'", "content \"You are a helpful assistant.\"");
        }

        ValueChecks.NonEmpty(context, prompt, "content", "content", prompt.Content);
        var declared = new Dictionary<string, SourceRange>(StringComparer.Ordinal);
        var names = new MemberNames(context, prompt, "variable");
        foreach (var item in ValidationContext.Items(prompt))
        {
            if (item.Key != "variables")
            {
                continue;
            }

            foreach (var entry in item.Body?.Items ?? [])
            {
                CheckVariable(context, prompt, entry, names, declared);
            }
        }

        CheckPlaceholders(context, prompt, name, declared);
    }

    private static void CheckVariable(ValidationContext context, PromptDeclaration prompt, ItemSyntax entry, MemberNames names, Dictionary<string, SourceRange> declared)
    {
        if (entry.Values.Count < 2)
        {
            return;
        }

        var variable = entry.Values[0].Text;
        if (names.Add(entry))
        {
            declared[variable] = entry.Values[0].Range;
        }

        NameRules.CheckVariableName(context, prompt, variable, entry.Values[0].Range);
        var type = entry.Values[1];
        if (!ScalarValues.IsScalarType(type.Text))
        {
            context.Report(
                "AS3006",
                prompt,
                type.Range,
                $"invalid type \"{type.Text}\" for {ValidationContext.Describe(prompt)}",
                Diagnostics.DidYouMean.Hint(type.Text, AttributeSchema.ScalarTypes, "valid values"));
        }
        else
        {
            ScalarValues.CheckDefault(context, prompt, variable, type.Text, entry.Modifier("default"));
        }

        if (entry.Modifier("default") is { } defaultValue && entry.HasModifier("required"))
        {
            context.Report(
                "AS3012",
                prompt,
                defaultValue.Keyword?.Range ?? defaultValue.Range,
                $"'{variable}' is required and has a default; the default is never used",
                "remove one");
        }
    }

    private static void CheckPlaceholders(ValidationContext context, PromptDeclaration prompt, string name, Dictionary<string, SourceRange> declared)
    {
        if (prompt.Content is null)
        {
            return;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Placeholder().Matches(prompt.Content))
        {
            var variable = match.Groups[1].Value;
            if (used.Add(variable) && !declared.ContainsKey(variable))
            {
                context.ReportAt(
                    "AS3013",
                    prompt,
                    "content",
                    $"{name} uses {{{{{variable}}}}} but declares no variable '{variable}'",
                    $"add {variable} string to variables");
            }
        }

        foreach (var (variable, range) in declared)
        {
            if (!used.Contains(variable))
            {
                context.Report("AS3014", prompt, range, $"{name} declares '{variable}' but never uses {{{{{variable}}}}}");
            }
        }
    }

    [GeneratedRegex(@"\{\{ *([A-Za-z_][A-Za-z0-9_]*) *\}\}")]
    private static partial Regex Placeholder();
}
