using AgentSpec.Syntax;

namespace AgentSpec.Parsing;

/// <summary>Values: strings, numbers, words, lists, parenthesised keys, glued words and expressions (spec §1.7–§1.12).</summary>
internal sealed partial class Parser
{
    /// <summary>Parses the value of <paramref name="item"/>; reports AS1014 when it is missing. Returns false then.</summary>
    private bool ParseRequiredValue(ItemSyntax item, string previous, string what)
    {
        if (unwinding)
        {
            return false;
        }

        if (!IsValueStart(Current) || (At(TokenKind.Minus) && !IsNegativeNumber()))
        {
            ReportExpected(what, previous, Current);
            if (!AtLineEnd)
            {
                SkipRestOfLine(item);
            }

            return false;
        }

        item.AddValue(ParseValue());
        return true;
    }

    private void ParseRequiredModifierValue(ModifierSyntax modifier, string previous, string what)
    {
        if (!IsValueStart(Current) || (At(TokenKind.Minus) && !IsNegativeNumber()))
        {
            ReportExpected(what, previous, Current);
            return;
        }

        modifier.SetValue(ParseValue());
    }

    private bool IsNegativeNumber() =>
        At(TokenKind.Minus) && Peek().Kind == TokenKind.Number && !Peek().HasLeadingTrivia;

    /// <summary>One value token (or a list); the caller checked <see cref="IsValueStart"/>.</summary>
    private ValueSyntax ParseValue()
    {
        switch (Current.Kind)
        {
            case TokenKind.String:
            case TokenKind.TripleString:
                return new StringValueSyntax(Eat());
            case TokenKind.Number:
                return NumberValue(null, Eat());
            case TokenKind.Minus:
                var minus = Eat();
                return NumberValue(minus, Eat());
            case TokenKind.OpenBracket:
                return ParseList();
            default:
                return new WordValueSyntax(Eat());
        }
    }

    private NumberValueSyntax NumberValue(SyntaxToken? minus, SyntaxToken number)
    {
        var suffix = At(TokenKind.Word) && !Current.HasLeadingTrivia && Current.Offset == number.End ? Eat() : null;
        var value = new NumberValueSyntax(minus, number, suffix);
        if (value.IsInteger && value.IntegerValue is null)
        {
            diagnostics.Add("AS1005", value.Range, $"number '{value.Text}' is out of range");
        }

        return value;
    }

    private ListValueSyntax ParseList()
    {
        var list = new ListValueSyntax(Eat());
        if (HasCommentBefore(Current))
        {
            list.IsMultiline = true;
        }

        while (true)
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.CloseBracket:
                    if (HasCommentBefore(token))
                    {
                        list.IsMultiline = true;
                    }

                    list.SetClose(Eat());
                    return list;
                case TokenKind.NewLine:
                    list.IsMultiline = true;
                    list.AddSeparator(Eat());
                    continue;
                case TokenKind.Comma:
                    list.AddSeparator(Eat());
                    continue;
                case TokenKind.String:
                case TokenKind.TripleString:
                case TokenKind.Number:
                    list.AddElement(ParseValue());
                    continue;
                case TokenKind.Minus when IsNegativeNumber():
                    list.AddElement(ParseValue());
                    continue;
                case TokenKind.Word:
                    if (token.Text is not ("true" or "false"))
                    {
                        diagnostics.Add(
                            "AS1017",
                            token.Range,
                            $"list items must be quoted strings, numbers or booleans, found {TokenDescriber.Describe(token)}",
                            $"\"{token.Text}\"");
                    }

                    list.AddElement(new WordValueSyntax(Eat()));
                    continue;
                case TokenKind.CloseBrace:
                case TokenKind.EndOfFile:
                    ReportExpected("']'", "[", token);
                    return list;
                default:
                    diagnostics.Add("AS1013", token.Range, $"unexpected {TokenDescriber.Describe(token)} in list");
                    list.AddSeparator(Eat());
                    continue;
            }
        }
    }

    private static bool HasCommentBefore(SyntaxToken token) => token.HasCommentTrivia;

    /// <summary><c>( value )</c> after <c>env</c>, <c>store</c> or <c>secret</c>.</summary>
    private ParenthesizedValueSyntax ParseParenthesized(string previous, bool glued)
    {
        var value = new ParenthesizedValueSyntax(Eat());
        if (Current.IsString)
        {
            value.SetInner(new StringValueSyntax(Eat()));
        }
        else if (glued && IsGlueStart(Current, wildcards: false))
        {
            value.SetInner(ParseGlued(wildcards: false));
        }
        else if (At(TokenKind.Word))
        {
            value.SetInner(new WordValueSyntax(Eat()));
        }
        else
        {
            ReportExpected(glued ? "a store path" : "a name", $"{previous}(", Current);
        }

        if (At(TokenKind.CloseParen))
        {
            value.SetClose(Eat());
        }
        else
        {
            ReportExpected("')'", value.Inner?.Text ?? "(", Current);
        }

        return value;
    }

    private static bool IsGluePart(SyntaxToken token, bool wildcards) => token.Kind switch
    {
        TokenKind.Word or TokenKind.Number or TokenKind.Dot or TokenKind.Slash or TokenKind.Colon or TokenKind.Minus => true,
        TokenKind.Star or TokenKind.Question => wildcards,
        _ => false,
    };

    private static bool IsGlueStart(SyntaxToken token, bool wildcards) => IsGluePart(token, wildcards);

    /// <summary>A maximal run of adjacent glue tokens with nothing between them (spec §1.11).</summary>
    private GluedValueSyntax ParseGlued(bool wildcards)
    {
        var parts = new List<SyntaxToken> { Eat() };
        while (IsGluePart(Current, wildcards) && !Current.HasLeadingTrivia && Current.Offset == parts[^1].End)
        {
            parts.Add(Eat());
        }

        return new GluedValueSyntax(parts);
    }

    /// <summary>
    /// Captures expression tokens up to the first terminator at bracket depth 0 (spec §2.7). Line breaks end the
    /// expression when <paramref name="stopAtNewLine"/> is set, else they are whitespace (trailing ones are left).
    /// '}' at depth 0 and the end of the file always end it. Returns null when no token was captured.
    /// </summary>
    private ExpressionSyntax? ParseExpression(bool stopAtNewLine, string? stopWord, params TokenKind[] terminators)
    {
        var depth = 0;
        var end = position;
        var lastContent = -1;
        while (true)
        {
            var token = tokens[end];
            if (token.Kind == TokenKind.EndOfFile)
            {
                break;
            }

            if (depth == 0)
            {
                if (token.Kind == TokenKind.CloseBrace || terminators.Contains(token.Kind) ||
                    (stopAtNewLine && token.Kind == TokenKind.NewLine) ||
                    (stopWord is not null && token.IsWord(stopWord)))
                {
                    break;
                }
            }

            if (token.Kind is TokenKind.OpenParen or TokenKind.OpenBracket)
            {
                depth++;
            }
            else if (token.Kind is TokenKind.CloseParen or TokenKind.CloseBracket && depth > 0)
            {
                depth--;
            }

            if (token.Kind != TokenKind.NewLine)
            {
                lastContent = end;
            }

            end++;
        }

        if (lastContent < 0)
        {
            return null;
        }

        var expression = new ExpressionSyntax();
        while (position <= lastContent)
        {
            expression.AddToken(Eat());
        }

        return expression;
    }
}
