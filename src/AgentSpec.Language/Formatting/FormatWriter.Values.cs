using AgentSpec.Binding;
using AgentSpec.Syntax;

namespace AgentSpec.Formatting;

/// <summary>Values in canonical form (spec §9.4).</summary>
internal sealed partial class FormatWriter
{
    /// <summary>A value of an attribute whose type is known from the schema (null: printed as written).</summary>
    private void WriteTyped(AttributeInfo? info, ValueSyntax value, int level, bool isOverride)
    {
        switch (info?.Kind)
        {
            case ValueKind.String or ValueKind.Enum or ValueKind.OpenEnum or ValueKind.Duration or ValueKind.Semver or ValueKind.MemoryQuantity:
                WriteStringValue(value, level);
                return;
            case ValueKind.Reference:
                WriteReference(value, level);
                return;
            case ValueKind.Cpu:
                if (value is NumberValueSyntax cpu && NumberText.Float(cpu) is { } cores)
                {
                    output.Append(cores);
                    return;
                }

                WriteStringValue(value, level);
                return;
            case ValueKind.IntOrMemory:
                if (value is NumberValueSyntax memory && NumberText.Integer(memory) is { } mebibytes)
                {
                    output.Append(mebibytes);
                    return;
                }

                WriteStringValue(value, level);
                return;
            case ValueKind.Int:
                var integer = value switch
                {
                    NumberValueSyntax number => NumberText.Integer(number),
                    StringValueSyntax text when isOverride => NumberText.IntegerFromString(text.Text),
                    _ => null,
                };
                WriteOr(integer, value, level);
                return;
            case ValueKind.Float:
                var real = value switch
                {
                    NumberValueSyntax number => NumberText.Float(number),
                    StringValueSyntax text when isOverride => NumberText.FloatFromString(text.Text),
                    _ => null,
                };
                WriteOr(real, value, level);
                return;
            case ValueKind.Bool:
                var boolean = value switch
                {
                    WordValueSyntax { IsBoolean: true } word => word.Text,
                    StringValueSyntax { Text: "true" or "false" } text when isOverride => text.Text,
                    _ => null,
                };
                WriteOr(boolean, value, level);
                return;
            case ValueKind.List or ValueKind.ReferenceList:
                if (value is StringValueSyntax single)
                {
                    output.Append('[');
                    WriteString(single, level);
                    output.Append(']');
                    return;
                }

                WriteAsWritten(value, level);
                return;
            default:
                WriteAsWritten(value, level);
                return;
        }
    }

    private void WriteOr(string? canonical, ValueSyntax value, int level)
    {
        if (canonical is null)
        {
            WriteAsWritten(value, level);
        }
        else
        {
            output.Append(canonical);
        }
    }

    /// <summary>A string-typed value: strings as written, bare words quoted, anything else as written.</summary>
    private void WriteStringValue(ValueSyntax value, int level)
    {
        if (value is WordValueSyntax word)
        {
            LiteralText.AppendQuoted(output, word.Text);
            return;
        }

        WriteAsWritten(value, level);
    }

    /// <summary>Declaration names and references: always quoted.</summary>
    private void WriteReference(ValueSyntax value, int level)
    {
        if (value is WordValueSyntax or NumberValueSyntax or GluedValueSyntax)
        {
            LiteralText.AppendQuoted(output, value.Text);
            return;
        }

        WriteAsWritten(value, level);
    }

    /// <summary>Values that are text (map values, defaults, properties, list items): numbers and words quoted.</summary>
    private void WriteText(ValueSyntax value, int level) => WriteReference(value, level);

    /// <summary>Names in name slots: bare when a single WORD, else quoted.</summary>
    private void WriteNameValue(ValueSyntax value, int level)
    {
        var text = value.Text;
        if (value is not ListValueSyntax && LiteralText.IsSingleWord(text))
        {
            output.Append(text);
            return;
        }

        WriteReference(value, level);
    }

    /// <summary>A name written as a head token (map key, property name, override resource kind).</summary>
    private void WriteName(SyntaxToken token)
    {
        if (token.Kind == TokenKind.Word)
        {
            output.Append(token.Text);
        }
        else if (LiteralText.IsSingleWord(token.Value))
        {
            output.Append(token.Value);
        }
        else if (token.Kind == TokenKind.String)
        {
            output.Append(LiteralText.WithoutCarriageReturns(token.Text));
        }
        else
        {
            LiteralText.AppendQuoted(output, token.Value);
        }
    }

    private void WriteAsWritten(ValueSyntax value, int level)
    {
        switch (value)
        {
            case StringValueSyntax text:
                WriteString(text, level);
                return;
            case ListValueSyntax list:
                WriteList(list, level);
                return;
            case ParenthesizedValueSyntax paren:
                output.Append('(');
                if (paren.Inner is not null)
                {
                    WriteAsWritten(paren.Inner, level);
                }

                output.Append(')');
                return;
            default:
                output.Append(value.Text);
                return;
        }
    }

    private void WriteString(StringValueSyntax value, int level)
    {
        output.Append(value.IsTripleQuoted
            ? LiteralText.TripleLiteral(value.Token, Indent(level))
            : LiteralText.WithoutCarriageReturns(value.Token.Text));
    }

    /// <summary><c>["a", "b"]</c>, or one element per line when the source list spanned lines or held a comment.</summary>
    private void WriteList(ListValueSyntax list, int level)
    {
        var elements = list.Elements;
        if (!list.IsMultiline)
        {
            output.Append('[');
            for (var i = 0; i < elements.Count; i++)
            {
                if (i > 0)
                {
                    output.Append(", ");
                }

                WriteText(elements[i], level);
            }

            output.Append(']');
            return;
        }

        output.Append("[\n");
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            if (comments?.Leading(element) is { } leading)
            {
                WriteCommentGroup(leading, level + 1, blankBeforeFirst: false);
            }

            output.Append(Indent(level + 1));
            WriteText(element, level + 1);
            output.Append(',');
            WriteTrailing(element);
            output.Append('\n');
        }

        if (comments?.Closing(list) is { } closing)
        {
            WriteCommentGroup(closing, level + 1, blankBeforeFirst: false);
        }

        output.Append(Indent(level)).Append(']');
    }

    /// <summary>Eval tags given as one string are split at commas (spec §1.12) and printed as a list.</summary>
    private void WriteTagList(string text)
    {
        output.Append('[');
        var first = true;
        foreach (var part in text.Split(','))
        {
            var tag = part.Trim();
            if (tag.Length == 0)
            {
                continue;
            }

            if (!first)
            {
                output.Append(", ");
            }

            LiteralText.AppendQuoted(output, tag);
            first = false;
        }

        output.Append(']');
    }
}
