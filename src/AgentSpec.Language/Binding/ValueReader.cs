using System.Globalization;
using AgentSpec.Diagnostics;
using AgentSpec.Parsing;
using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>
/// Reads typed values from value syntax and reports AS3001 when the written form is of the wrong class (spec §2.1,
/// §3.1). In lenient mode (environment overrides, §6.3) bare words are accepted for strings and strings that convert
/// are accepted for numbers and booleans.
/// </summary>
internal sealed class ValueReader
{
    private readonly DiagnosticBag diagnostics;

    public ValueReader(DiagnosticBag diagnostics)
    {
        this.diagnostics = diagnostics;
    }

    public string File => diagnostics.File;

    public SourceLocation Locate(SyntaxNode node) => new(File, node.Range);

    public string? String(ValueSyntax? value, string attribute, bool lenient = false, bool allowWord = false)
    {
        switch (value)
        {
            case null:
                return null;
            case StringValueSyntax text:
                return text.Text;
            case WordValueSyntax word when lenient || allowWord:
                return word.Text;
            case NumberValueSyntax number when lenient && number.Suffix is null:
                return number.Text;
            case WordValueSyntax word when word.IsBoolean && lenient:
                return word.Text;
            default:
                WrongKind(value, attribute, "a string");
                return null;
        }
    }

    public string? Enum(ValueSyntax? value, string attribute) => value switch
    {
        null => null,
        StringValueSyntax text => text.Text,
        WordValueSyntax word => word.Text,
        _ => WrongKindNull(value, attribute, "a name or a string"),
    };

    public long? Integer(ValueSyntax? value, string attribute, bool lenient = false)
    {
        switch (value)
        {
            case null:
                return null;
            case NumberValueSyntax number when number.IntegerValue is { } integer:
                return integer;
            case NumberValueSyntax { IsInteger: true }:
                return null; // out of range: AS1005 was reported by the parser
            case StringValueSyntax text when lenient &&
                long.TryParse(text.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                WrongKind(value, attribute, "an integer");
                return null;
        }
    }

    public double? Float(ValueSyntax? value, string attribute, bool lenient = false)
    {
        switch (value)
        {
            case null:
                return null;
            case NumberValueSyntax { Suffix: null } number:
                return number.FloatValue;
            case StringValueSyntax text when lenient && TryParseFloat(text.Text, out var parsed):
                return parsed;
            default:
                WrongKind(value, attribute, "a number");
                return null;
        }
    }

    public bool? Boolean(ValueSyntax? value, string attribute, bool lenient = false)
    {
        switch (value)
        {
            case null:
                return null;
            case WordValueSyntax { IsBoolean: true } word:
                return word.Text == "true";
            case StringValueSyntax text when lenient && text.Text is "true" or "false":
                return text.Text == "true";
            default:
                WrongKind(value, attribute, "true or false");
                return null;
        }
    }

    /// <summary>A list of strings; a single string means a one-item list (spec §1.12).</summary>
    public IReadOnlyList<string>? List(ValueSyntax? value, string attribute, bool lenient = false)
    {
        switch (value)
        {
            case null:
                return null;
            case ListValueSyntax list:
                return list.Elements.Select(e => e.Text).ToList();
            case StringValueSyntax text:
                return [text.Text];
            case WordValueSyntax word when lenient:
                return [word.Text];
            default:
                WrongKind(value, attribute, "a list");
                return null;
        }
    }

    /// <summary>CPU: a string, or a number of cores (spec §3.1 cpu).</summary>
    public string? Cpu(ValueSyntax? value, string attribute, bool lenient = false) => value switch
    {
        null => null,
        StringValueSyntax text => text.Text,
        NumberValueSyntax { Suffix: null } number => number.Text,
        WordValueSyntax word when lenient => word.Text,
        _ => WrongKindNull(value, attribute, "a string such as \"250m\" or a number of cores"),
    };

    /// <summary>Inline tool memory: an integer (MiB) or a quantity string.</summary>
    public string? IntegerOrString(ValueSyntax? value, string attribute) => value switch
    {
        null => null,
        StringValueSyntax text => text.Text,
        NumberValueSyntax { IsInteger: true } number => number.Text,
        _ => WrongKindNull(value, attribute, "an integer or a string"),
    };

    /// <summary>Reads a map body (base map entries or override items) in source order; duplicate keys → AS2017.</summary>
    public Dictionary<string, string> Map(BodySyntax? body, string attribute, Dictionary<string, string>? into = null, bool reportDuplicates = true)
    {
        var map = into ?? new Dictionary<string, string>(StringComparer.Ordinal);
        if (body is null)
        {
            return map;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in body.Items)
        {
            var key = EntryKey(entry);
            if (key is null || entry.Values.Count == 0)
            {
                continue;
            }

            var value = entry.Values[^1] switch
            {
                StringValueSyntax text => text.Text,
                WordValueSyntax word => word.Text,
                NumberValueSyntax { Suffix: null } number => number.Text,
                var other => WrongKindNull(other, $"{attribute}.{key}", "a string, number or boolean"),
            };
            if (!seen.Add(key) && reportDuplicates)
            {
                diagnostics.Add("AS2017", entry.Keywords[0].Range, $"key '{key}' appears more than once; the last value is used");
            }

            if (value is not null)
            {
                map[key] = value;
            }
        }

        return map;
    }

    /// <summary>The key of a map entry or override item: the head word, or a string head's value.</summary>
    public static string? EntryKey(ItemSyntax entry) =>
        entry.Keywords.Count > 0 ? entry.Keywords[0].Value : null;

    /// <summary>A name slot that takes a string or a bare word (entry names, types, on-input names).</summary>
    public static string NameText(ValueSyntax? value) => value?.Text ?? string.Empty;

    private static bool TryParseFloat(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    private string? WrongKindNull(ValueSyntax value, string attribute, string expected)
    {
        WrongKind(value, attribute, expected);
        return null;
    }

    private void WrongKind(ValueSyntax value, string attribute, string expected)
    {
        var found = value switch
        {
            NumberValueSyntax number when number.Suffix is not null => $"'{number.Text}'",
            ListValueSyntax => "a list",
            ExpressionSyntax expression => $"'{expression.Text}'",
            _ when value.FirstToken is { } token => TokenDescriber.Describe(token),
            _ => "nothing",
        };
        string? hint = null;
        if (value is NumberValueSyntax { Suffix: not null } glued)
        {
            hint = attribute.EndsWith("timeout", StringComparison.Ordinal) || attribute.EndsWith("interval", StringComparison.Ordinal)
                ? $"durations are strings: \"{glued.Text}\""
                : $"write it as a string: \"{glued.Text}\"";
        }
        else if (expected == "a string" && value is WordValueSyntax word)
        {
            hint = $"\"{word.Text}\"";
        }

        diagnostics.Add("AS3001", value.Range, $"'{attribute}' expects {expected}, found {found}", hint);
    }
}
