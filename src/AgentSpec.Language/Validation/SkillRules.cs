using AgentSpec.Binding;
using AgentSpec.Syntax;

namespace AgentSpec.Validation;

/// <summary>Skill and tool rules (spec §3.4): required parts, unique fields, legacy execution, tool variant attributes.</summary>
internal static class SkillRules
{
    public static void Check(ValidationContext context, SkillDeclaration skill)
    {
        var name = ValidationContext.Describe(skill);
        var items = ValidationContext.Items(skill);
        var tool = ValidationContext.Last(items, "tool");
        var execution = ValidationContext.Last(items, "execution");
        if (!skill.IsIncomplete)
        {
            if (skill.Description is null && skill.LocationOf("description") is null)
            {
                context.ReportAtName("AS3004", skill, $"{name} requires 'description'", "description \"What the skill does and when to use it\"");
            }

            if (skill.Input.Count == 0)
            {
                context.ReportAtName("AS3004", skill, $"{name} requires an 'input' block with at least one field", "input { query string required }");
            }

            if (skill.Output.Count == 0)
            {
                context.ReportAtName("AS3004", skill, $"{name} requires an 'output' block with at least one field", "output { result string }");
            }

            if (tool is null && execution is null)
            {
                context.ReportAtName("AS3004", skill, $"{name} requires 'tool' or 'execution'", "tool command { binary \"my-tool\" }");
            }
        }

        ValueChecks.NonEmpty(context, skill, "description", "description", skill.Description);
        CheckFields(context, skill, items);
        if (execution is not null)
        {
            context.Report("AS3016", skill, ValidationContext.KeywordRange(execution), "'execution' is a legacy form", "tool command { binary … }");
            if (tool is not null)
            {
                var later = tool.Range.Start.CompareTo(execution.Range.Start) > 0 ? tool : execution;
                var (first, second) = later == tool ? ("execution", "tool") : ("tool", "execution");
                context.Report("AS3005", skill, ValidationContext.KeywordRange(later), $"{name} sets both '{first}' and '{second}'", "keep one");
            }
        }

        if (skill.Tool is { } definition && !skill.IsLegacyExecution)
        {
            CheckTool(context, skill, definition, tool);
        }
    }

    private static void CheckFields(ValidationContext context, SkillDeclaration skill, IReadOnlyList<ItemSyntax> items)
    {
        foreach (var item in items)
        {
            if (item.Key is not ("input" or "output"))
            {
                continue;
            }

            var names = new MemberNames(context, skill, "field");
            foreach (var entry in item.Body?.Items ?? [])
            {
                names.Add(entry);
            }
        }
    }

    private static void CheckTool(ValidationContext context, SkillDeclaration skill, ToolDefinition tool, ItemSyntax? item)
    {
        var name = ValidationContext.Describe(skill);
        var keyword = item is null ? skill.Location.Range : ValidationContext.KeywordRange(item);
        switch (tool.Type)
        {
            case "mcp":
                var reference = tool.McpReference;
                var slash = reference?.IndexOf('/', StringComparison.Ordinal) ?? -1;
                if (reference is not null && (slash <= 0 || slash == reference.Length - 1))
                {
                    var range = item?.Values.Count > 0 ? item.Values[^1].Range : keyword;
                    context.Report("AS3023", skill, range, $"tool mcp \"{reference}\" must have the form \"server/tool\"", "tool mcp \"github/create_issue\"");
                }

                return;
            case "http":
                if (tool.Url is null && !skill.IsIncomplete && skill.LocationOf("tool.url") is null)
                {
                    context.Report("AS3004", skill, keyword, $"{name} requires 'url' in its http tool", "url \"https://api.example.com/search?q={{query}}\"");
                }

                ValueChecks.Enum(context, skill, "tool.method", "method", tool.Method, AttributeSchema.HttpMethods);
                ValueChecks.Url(context, skill, "tool.url", "url", tool.Url);
                break;
            case "command":
                if (tool.Binary is null && !skill.IsIncomplete && skill.LocationOf("tool.binary") is null)
                {
                    context.Report("AS3004", skill, keyword, $"{name} requires 'binary' in its command tool", "binary \"my-tool\"");
                }

                ValueChecks.NonEmpty(context, skill, "tool.binary", "binary", tool.Binary);
                break;
            case "inline":
                if (!skill.IsIncomplete && tool.Language is null && skill.LocationOf("tool.language") is null)
                {
                    context.Report("AS3004", skill, keyword, $"{name} requires 'language' in its inline tool", "language \"python\"");
                }

                if (!skill.IsIncomplete && tool.Code is null && skill.LocationOf("tool.code") is null)
                {
                    context.Report("AS3004", skill, keyword, $"{name} requires 'code' in its inline tool", "code \"print('hello')\"");
                }

                ValueChecks.OpenEnum(context, skill, "tool.language", "language", tool.Language, AttributeSchema.InlineLanguages);
                ValueChecks.NonEmpty(context, skill, "tool.code", "code", tool.Code);
                CheckMemory(context, skill, tool.Memory);
                break;
        }

        ValueChecks.Duration(context, skill, "tool.timeout", "timeout", tool.Timeout);
    }

    /// <summary>Inline memory: an integer or digits-only string is MiB, otherwise a memory quantity; at least 1 MiB.</summary>
    private static void CheckMemory(ValidationContext context, SkillDeclaration skill, string? memory)
    {
        if (memory is null)
        {
            return;
        }

        double? bytes = memory.Length > 0 && memory.All(char.IsAsciiDigit)
            ? double.Parse(memory, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024
            : ValueFormats.MemoryBytes(memory);
        if (bytes is null && !(memory.Length > 0 && memory.All(char.IsAsciiDigit)))
        {
            context.ReportAt("AS5010", skill, "tool.memory", $"invalid memory quantity \"{memory}\"", "\"128Mi\", \"1Gi\", \"512M\"");
            return;
        }

        if (bytes < 1024 * 1024)
        {
            context.ReportAt("AS3008", skill, "tool.memory", $"'memory' must be at least 1 MiB, found {memory}");
        }
    }
}
