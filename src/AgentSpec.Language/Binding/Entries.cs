using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>Reads <c>NAME TYPE [required] [default V]</c> entries (variables, skill fields, struct type fields).</summary>
internal static class Entries
{
    public static IReadOnlyList<FieldDefinition> Fields(BodySyntax? body)
    {
        var fields = new List<FieldDefinition>();
        if (body is null)
        {
            return fields;
        }

        var items = body.Items;
        for (var i = 0; i < items.Count; i++)
        {
            var entry = items[i];
            var values = entry.Values;
            if (values.Count < 2)
            {
                continue;
            }

            fields.Add(new FieldDefinition
            {
                Name = ValueReader.NameText(values[0]),
                Type = ValueReader.NameText(values[1]),
                Required = entry.HasModifier("required"),
                Default = entry.Modifier("default")?.Value?.Text,
            });
        }

        return fields;
    }
}
