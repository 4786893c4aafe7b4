using AgentSpec.Syntax;

namespace AgentSpec.Validation;

/// <summary>Type declarations (spec §3.9): non-empty structs and enums, unique fields and values, field defaults.</summary>
internal static class TypeRules
{
    public static void Check(ValidationContext context, TypeDeclaration type)
    {
        var name = ValidationContext.Describe(type);
        switch (type.Form)
        {
            case "enum":
                if (type.Values.Count == 0 && !type.IsIncomplete)
                {
                    context.ReportAtName("AS3004", type, $"{name} requires at least one value", $"type \"{type.Name}\" enum [\"low\", \"high\"]");
                }

                if (type.Syntax.Modifier("enum")?.Value is ListValueSyntax list)
                {
                    var values = new MemberNames(context, type, "value");
                    foreach (var element in list.Elements)
                    {
                        values.Add(element.Text, element.Range);
                    }
                }

                break;
            case "struct":
                if (type.Fields.Count == 0 && !type.IsIncomplete)
                {
                    context.ReportAtName("AS3004", type, $"{name} requires at least one field", "id string required");
                }

                var fields = new MemberNames(context, type, "field");
                foreach (var entry in ValidationContext.Items(type))
                {
                    if (entry.Values.Count < 2)
                    {
                        continue;
                    }

                    fields.Add(entry);
                    var field = entry.Values[0].Text;
                    var defaultValue = entry.Modifier("default");
                    if (ScalarValues.IsScalarType(entry.Values[1].Text))
                    {
                        ScalarValues.CheckDefault(context, type, field, entry.Values[1].Text, defaultValue);
                    }

                    if (defaultValue is not null && entry.HasModifier("required"))
                    {
                        context.Report(
                            "AS3012",
                            type,
                            defaultValue.Keyword?.Range ?? defaultValue.Range,
                            $"'{field}' is required and has a default; the default is never used",
                            "remove one");
                    }
                }

                break;
        }
    }
}
