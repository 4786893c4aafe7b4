using System.Globalization;
using System.Text;
using AgentSpec.Syntax;

namespace AgentSpec.Tests.Formatting;

/// <summary>
/// A text dump of what a file means, independent of layout, trivia and the formatter's choices: per body, items
/// grouped by canonical key in key order (relative order within a key kept; bodies whose order is meaningful keep
/// source order), values normalised (string values, numbers, bare word = quoted string, one-item list = scalar,
/// aliases and defaults made explicit). Two files with equal dumps bind to the same document.
/// </summary>
public static class MeaningDump
{
    private static readonly HashSet<BlockKind> SourceOrderBodies =
    [
        BlockKind.File, BlockKind.OnInput, BlockKind.Environment, BlockKind.Override, BlockKind.Map, BlockKind.Variables,
        BlockKind.Fields, BlockKind.Config, BlockKind.TypeFields, BlockKind.With, BlockKind.Validate, BlockKind.Eval,
        BlockKind.Pipeline, BlockKind.Secret,
    ];

    public static string Of(SyntaxTree tree)
    {
        var builder = new StringBuilder();
        foreach (var statement in tree.Root.Statements)
        {
            Item(builder, statement, 0);
        }

        return builder.ToString();
    }

    private static void Body(StringBuilder builder, BodySyntax body, int depth)
    {
        IEnumerable<ItemSyntax> items = body.Items;
        if (!SourceOrderBodies.Contains(body.Kind))
        {
            items = items.OrderBy(i => GroupKey(body.Kind, i), StringComparer.Ordinal); // OrderBy is stable
        }

        foreach (var item in items)
        {
            Item(builder, item, depth);
        }
    }

    private static string GroupKey(BlockKind kind, ItemSyntax item) =>
        kind == BlockKind.Policy && item.Key is "deny" or "allow" or "require" ? "~rule" : item.Key;

    private static void Item(StringBuilder builder, ItemSyntax item, int depth)
    {
        builder.Append(' ', depth * 2).Append(Key(item));
        if ((item.Key == "entry" || item.Owner == BlockKind.Environment) && item.Keywords.Count > 0)
        {
            // The head word of an open item is a name (map key, property, resource kind).
            builder.Append(" <").Append(item.Keywords[0].Value).Append('>');
        }
        else if (item.Owner == BlockKind.Override && item.Keywords.Count == 2 && !item.Key.Contains(' '))
        {
            builder.Append(" <").Append(item.Keywords[1].Text).Append('>'); // tool variant of a nested override
        }

        var values = item.Values.Select(v => Value(v, item)).ToList();
        if (item.Key == "default" && values.Count == 0)
        {
            values.Add("s:true");
        }

        if (item.Key == "rule" && item.Owner == BlockKind.Validate && values.Count == 1)
        {
            values.Add("s:error");
        }

        foreach (var value in values)
        {
            builder.Append(' ').Append(value);
        }

        foreach (var modifier in item.Modifiers.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            builder.Append(" ").Append(modifier.Name);
            if (modifier.Value is not null)
            {
                builder.Append('=').Append(Value(modifier.Value, item));
            }
        }

        builder.Append('\n');
        if (item.Body is not null)
        {
            Body(builder, item.Body, depth + 1);
        }

        foreach (var continuation in item.Continuations)
        {
            Item(builder, continuation, depth);
        }
    }

    private static string Key(ItemSyntax item)
    {
        if (item.Owner == BlockKind.Override)
        {
            return item.Key switch
            {
                "prompt" => "uses prompt",
                "loop" => "strategy",
                _ => item.Key,
            };
        }

        return item.Key;
    }

    private static string Value(ValueSyntax value, ItemSyntax item)
    {
        switch (value)
        {
            case ListValueSyntax list:
                return list.Elements.Count == 1 ? Scalar(list.Elements[0].Text) : "[" + string.Join(", ", list.Elements.Select(e => Scalar(e.Text))) + "]";
            case ParenthesizedValueSyntax paren:
                return paren.Inner is null ? "()" : Value(paren.Inner, item);
            case ExpressionSyntax expression:
                return "expr(" + expression.Text + ")";
            case StringValueSyntax text when item.Key == "tags" && item.Owner == BlockKind.EvalCase:
                var tags = text.Text.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0).Select(Scalar).ToList();
                return tags.Count == 1 ? tags[0] : "[" + string.Join(", ", tags) + "]";
            default:
                return Scalar(value.Text);
        }
    }

    /// <summary>A scalar's text; texts that read as numbers are compared as numbers.</summary>
    private static string Scalar(string text)
    {
        if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || (text[0] == '-' && text.Length > 1 && char.IsAsciiDigit(text[1]))) &&
            text.All(c => char.IsAsciiDigit(c) || c is '.' or '-') &&
            double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return "n:" + number.ToString("R", CultureInfo.InvariantCulture);
        }

        return "s:" + text.Replace("\n", "\\n", StringComparison.Ordinal);
    }
}
