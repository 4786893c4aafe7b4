using System.Globalization;
using AgentSpec.Parsing;
using AgentSpec.Syntax;

namespace AgentSpec.Validation;

/// <summary>Scalar type checks of declared defaults (<c>NAME TYPE default V</c>: V must convert to TYPE, AS3001).</summary>
internal static class ScalarValues
{
    public static bool IsScalarType(string type) => type is "string" or "int" or "float" or "bool";

    /// <summary>Null when the value converts to the scalar type; else the expected-type wording of AS3001.</summary>
    public static string? Mismatch(string type, ValueSyntax value)
    {
        var text = value.Text;
        return type switch
        {
            "int" when value is NumberValueSyntax { IsInteger: true } => null,
            "int" when value is not NumberValueSyntax && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => null,
            "int" => "an integer",
            "float" when value is NumberValueSyntax { Suffix: null } => null,
            "float" when value is not NumberValueSyntax && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _) => null,
            "float" => "a number",
            "bool" when text is "true" or "false" && value is not NumberValueSyntax => null,
            "bool" => "true or false",
            _ => null,
        };
    }

    /// <summary>AS3001 when a default does not convert to its scalar type.</summary>
    public static void CheckDefault(ValidationContext context, Declaration owner, string name, string type, ModifierSyntax? modifier)
    {
        if (modifier?.Value is not { } value || Mismatch(type, value) is not { } expected)
        {
            return;
        }

        var found = value switch
        {
            NumberValueSyntax { Suffix: null } number => $"number {number.Text}",
            NumberValueSyntax number => $"'{number.Text}'",
            _ when value.FirstToken is { } token => TokenDescriber.Describe(token),
            _ => $"'{value.Text}'",
        };
        context.Report("AS3001", owner, value.Range, $"'{name}' expects {expected}, found {found}");
    }
}
