using System.Text;
using AgentSpec.Syntax;

namespace AgentSpec.Tests.Infrastructure;

/// <summary>Text dumps of tokens, trees and diagnostics for baseline files.</summary>
public static class TreePrinter
{
    public static string Tokens(SyntaxTree tree)
    {
        var builder = new StringBuilder();
        foreach (var token in tree.Tokens)
        {
            foreach (var trivia in token.LeadingTrivia.Where(t => t.Kind != TokenKind.Whitespace))
            {
                builder.Append($"  {trivia.Range.Start} {trivia.Kind} {Escape(trivia.Text)}\n");
            }

            builder.Append($"{token.Range.Start}-{token.Range.End} {token.Kind} {Escape(token.Text)}\n");
        }

        return builder.ToString();
    }

    public static string Tree(SyntaxTree tree)
    {
        var builder = new StringBuilder();
        foreach (var statement in tree.Root.Statements)
        {
            Item(builder, statement, 0);
        }

        return builder.ToString();
    }

    public static string Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var builder = new StringBuilder();
        foreach (var d in diagnostics)
        {
            builder.Append($"{d.Range.Start}-{d.Range.End} {d.Severity} {d.Code}: {d.Message}\n");
            if (d.Hint is not null)
            {
                builder.Append($"  hint: {d.Hint}\n");
            }

            foreach (var related in d.Related)
            {
                builder.Append($"  related: {related.Range.Start} {related.Message}\n");
            }
        }

        return builder.ToString();
    }

    private static void Item(StringBuilder builder, ItemSyntax item, int depth)
    {
        var indent = new string(' ', depth * 2);
        builder.Append($"{indent}{item.Key} [{string.Join(" ", item.Keywords.Select(k => k.Text))}]");
        foreach (var value in item.Values)
        {
            builder.Append(' ').Append(Value(value));
        }

        foreach (var modifier in item.Modifiers)
        {
            builder.Append($" {modifier.Name}={(modifier.Value is null ? "✓" : Value(modifier.Value))}");
        }

        if (item.IsIncomplete)
        {
            builder.Append(" (incomplete)");
        }

        builder.Append($" @{item.Range.Start}\n");
        if (item.Body is not null)
        {
            builder.Append($"{indent}  {{{item.Body.Kind}}}{(item.Body.CloseBrace is null && item.Body.OpenBrace is not null ? " unclosed" : string.Empty)}\n");
            foreach (var child in item.Body.Items)
            {
                Item(builder, child, depth + 2);
            }
        }

        foreach (var continuation in item.Continuations)
        {
            Item(builder, continuation, depth + 1);
        }
    }

    private static string Value(ValueSyntax value) => value switch
    {
        StringValueSyntax s => $"Str({Escape(s.Text)})",
        NumberValueSyntax n => $"Num({n.Text})",
        WordValueSyntax w => $"Word({w.Text})",
        ListValueSyntax l => $"List{(l.IsMultiline ? "*" : string.Empty)}[{string.Join(", ", l.Elements.Select(Value))}]",
        ParenthesizedValueSyntax p => $"Paren({(p.Inner is null ? string.Empty : Value(p.Inner))})",
        GluedValueSyntax g => $"Glued({g.Text})",
        ExpressionSyntax e => $"Expr({e.Text})",
        _ => value.GetType().Name,
    };

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t");
}
