using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>Applies prompt items (or prompt overrides) to a <see cref="PromptDeclaration"/> (spec §3.3).</summary>
internal static class PromptReader
{
    public static void Apply(PromptDeclaration prompt, ItemSyntax item, BindContext context)
    {
        var value = context.Value(item);
        context.Singular(prompt, item, item.Key);
        if (value is not null)
        {
            context.Located(prompt, item.Key, value);
        }

        switch (item.Key)
        {
            case "content": prompt.Content = context.Values.String(value, "content", context.IsOverride); break;
            case "version": prompt.Version = context.Values.String(value, "version", context.IsOverride); break;
            case "variables": prompt.Variables = Entries.Fields(item.Body).Select(ToVariable).ToList(); break;
            case "metadata":
                prompt.Metadata = context.Values.Map(item.Body, "metadata", context.IsOverride ? new(prompt.Metadata, StringComparer.Ordinal) : null);
                break;
        }
    }

    private static PromptVariable ToVariable(FieldDefinition field) =>
        new() { Name = field.Name, Type = field.Type, Required = field.Required, Default = field.Default };
}
