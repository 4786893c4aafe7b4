using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>Reads <c>NAME TYPE [required] [default V]</c> entries (variables, skill fields, struct type fields).</summary>
internal static class Entries
{
    public static IReadOnlyList<FieldDefinition> Fields(BodySyntax? body) =>
        (body?.Items ?? [])
            .Where(entry => entry.Values.Count >= 2)
            .Select(entry => new FieldDefinition
            {
                Name = ValueReader.NameText(entry.Values[0]),
                Type = ValueReader.NameText(entry.Values[1]),
                Required = entry.HasModifier("required"),
                Default = entry.Modifier("default")?.Value?.Text,
            })
            .ToList();
}
