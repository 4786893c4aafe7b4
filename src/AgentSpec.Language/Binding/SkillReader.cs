using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>Applies skill items (or skill overrides) to a <see cref="SkillDeclaration"/> (spec §2.5, §3.4).</summary>
internal static class SkillReader
{
    public static void Apply(SkillDeclaration skill, ItemSyntax item, BindContext context)
    {
        var value = context.Value(item);
        context.Singular(skill, item, item.Key == "execution" ? "tool" : item.Key);
        if (value is not null)
        {
            context.Located(skill, item.Key, value);
        }

        switch (item.Key)
        {
            case "description": skill.Description = context.Values.String(value, "description", context.IsOverride); break;
            case "input": skill.Input = Entries.Fields(item.Body); break;
            case "output": skill.Output = Entries.Fields(item.Body); break;
            case "metadata":
                skill.Metadata = context.Values.Map(item.Body, "metadata", context.IsOverride ? new(skill.Metadata, StringComparer.Ordinal) : null);
                break;
            case "tool":
                context.Located(skill, "tool", item.Keywords.Count > 1 ? item.Keywords[1] : item.Keywords[0]);
                skill.Tool = ReadTool(skill, item, context);
                break;
            case "execution":
                skill.IsLegacyExecution = true;
                skill.Tool = ReadExecution(item, context);
                context.Located(skill, "tool", item.Keywords[0]);
                break;
        }
    }

    /// <summary>A <c>tool</c> item; in an override the variant word is optional and the body merges into the existing tool.</summary>
    private static ToolDefinition? ReadTool(SkillDeclaration skill, ItemSyntax item, BindContext context)
    {
        var variant = item.Keywords.Count > 1 ? item.Keywords[1].Text : null;
        if (context.IsOverride)
        {
            var existing = skill.Tool ?? new ToolDefinition();
            ApplyToolBody(existing, skill, item.Body, context);
            return existing;
        }

        if (variant is null)
        {
            return skill.Tool;
        }

        var tool = new ToolDefinition { Type = variant };
        if (variant == "mcp")
        {
            tool.McpReference = context.Values.String(context.Value(item), "mcp");
            return tool;
        }

        ApplyToolBody(tool, skill, item.Body, context);
        return tool;
    }

    private static void ApplyToolBody(ToolDefinition tool, SkillDeclaration skill, BodySyntax? body, BindContext context)
    {
        var values = context.Values;
        var lenient = context.IsOverride;
        foreach (var part in body?.Items ?? [])
        {
            var value = context.Value(part);
            var path = "tool." + part.Key;
            context.Singular(skill, part, path);
            if (value is not null)
            {
                context.Located(skill, path, value);
            }

            switch (part.Key)
            {
                case "binary": tool.Binary = values.String(value, "binary", lenient); break;
                case "args": tool.Args = values.List(value, "args", lenient); break;
                case "timeout": tool.Timeout = values.String(value, "timeout", lenient); break;
                case "env": tool.Env = values.Map(part.Body, "env", lenient ? new(tool.Env, StringComparer.Ordinal) : null); break;
                case "secrets": tool.Secrets = values.Map(part.Body, "secrets", lenient ? new(tool.Secrets, StringComparer.Ordinal) : null); break;
                case "method": tool.Method = values.Enum(value, "method"); break;
                case "url": tool.Url = values.String(value, "url", lenient); break;
                case "headers": tool.Headers = values.Map(part.Body, "headers", lenient ? new(tool.Headers, StringComparer.Ordinal) : null); break;
                case "body_template": tool.BodyTemplate = values.String(value, "body_template", lenient); break;
                case "language": tool.Language = values.Enum(value, "language"); break;
                case "code": tool.Code = values.String(value, "code", lenient); break;
                case "memory": tool.Memory = values.IntegerOrString(value, "memory"); break;
            }
        }
    }

    /// <summary>Legacy <c>execution KIND "value"</c> (spec §2.5): command binary, http url, else a command.</summary>
    private static ToolDefinition ReadExecution(ItemSyntax item, BindContext context)
    {
        var kind = item.Values.Count > 0 ? item.Values[0].Text : "command";
        var text = item.Values.Count > 1 ? context.Values.String(item.Values[1], "execution") : null;
        return kind == "http"
            ? new ToolDefinition { Type = "http", Url = text }
            : new ToolDefinition { Type = "command", Binary = text };
    }
}
