using AgentSpec.Syntax;

namespace AgentSpec.Parsing;

/// <summary><c>on input</c> statements, validate rules and eval cases (spec §2.6, §2.7).</summary>
internal sealed partial class Parser
{
    private void ParseStatementItem(ItemSyntax item, ItemRule rule)
    {
        switch (rule.Shape)
        {
            case ItemShape.UseStatement:
                if (AtWord("skill") && IsName(Peek()) && Current.IsOnSameLineAs(Peek()))
                {
                    item.AddKeyword(Eat());
                }

                if (!ParseRequiredName(item, item.Keywords[^1].Text, "a skill name"))
                {
                    return;
                }

                if (AtWord("with"))
                {
                    item.AddModifier(new ModifierSyntax("with", Eat()));
                    ParseBodyOf(item, BlockKind.With, "with");
                }

                return;
            case ItemShape.DelegateStatement:
                EatOptionalNameWord(item, "to");
                EatOptionalNameWord(item, "agent");
                ParseRequiredName(item, item.Keywords[^1].Text, "an agent name");
                return;
            case ItemShape.RespondStatement:
                if (Current.IsString && Peek().Kind is TokenKind.NewLine or TokenKind.CloseBrace or TokenKind.EndOfFile)
                {
                    item.AddValue(new StringValueSyntax(Eat()));
                    return;
                }

                AddExpressionOrReport(item, "respond", stopAtNewLine: true, stopWord: null);
                return;
            case ItemShape.IfStatement:
                ParseConditionAndBody(item, "if");
                ParseElseClauses(item);
                return;
            case ItemShape.ForStatement:
                if (AtWord("each") && !Peek().IsWord("in"))
                {
                    item.AddKeyword(Eat());
                }

                if (!ParseRequiredName(item, item.Keywords[^1].Text, "a loop variable"))
                {
                    return;
                }

                if (!AtWord("in"))
                {
                    ReportExpected("'in'", item.Values[^1].Text, Current);
                    SkipRestOfLine(item);
                    return;
                }

                item.AddModifier(new ModifierSyntax("in", Eat()));
                ParseConditionAndBody(item, "in");
                return;
        }
    }

    private void EatOptionalNameWord(ItemSyntax item, string word)
    {
        if (AtWord(word) && IsName(Peek()) && Current.IsOnSameLineAs(Peek()))
        {
            item.AddKeyword(Eat());
        }
    }

    private bool ParseRequiredName(ItemSyntax item, string previous, string what)
    {
        if (IsName(Current))
        {
            item.AddValue(ParseValue());
            return true;
        }

        ReportExpected(what, previous, Current);
        if (!AtLineEnd)
        {
            SkipRestOfLine(item);
        }

        return false;
    }

    private void AddExpressionOrReport(ItemSyntax item, string previous, bool stopAtNewLine, string? stopWord, params TokenKind[] terminators)
    {
        var expression = ParseExpression(stopAtNewLine, stopWord, terminators);
        if (expression is null)
        {
            ReportExpected("an expression", previous, Current);
            return;
        }

        item.AddValue(expression);
    }

    private void ParseConditionAndBody(ItemSyntax item, string previous)
    {
        AddExpressionOrReport(item, previous, stopAtNewLine: false, stopWord: null, TokenKind.OpenBrace);
        if (At(TokenKind.OpenBrace))
        {
            ParseBodyOf(item, BlockKind.OnInput, previous);
        }
        else if (!unwinding)
        {
            ReportExpected("'{'", previous, Current);
        }
    }

    private void ParseElseClauses(ItemSyntax item)
    {
        while (!unwinding && item.Body is not null)
        {
            var next = SkipNewLinesAhead();
            if (!tokens[next].IsWord("else"))
            {
                return;
            }

            EatNewLinesInto(item);
            var clause = new ItemSyntax("else", BlockKind.OnInput);
            clause.AddKeyword(Eat());
            if (AtWord("if"))
            {
                clause.AddKeyword(Eat());
                clause.Key = "else if";
                ParseConditionAndBody(clause, "else if");
                item.AddContinuation(clause);
                continue;
            }

            ParseBodyOf(clause, BlockKind.OnInput, "else");
            item.AddContinuation(clause);
            return;
        }
    }

    /// <summary><c>rule NAME [SEVERITY] [max_retries N] [{NL} "message"] [{NL} when EXPR]</c>.</summary>
    private void ParseValidateRule(ItemSyntax item)
    {
        if (!ParseRequiredName(item, "rule", "a rule name"))
        {
            return;
        }

        if (At(TokenKind.Word) && Current.Text is not ("max_retries" or "when"))
        {
            item.AddValue(new WordValueSyntax(Eat()));
        }

        ParseOptionalModifiers(item, "max_retries");
        var next = SkipNewLinesAhead();
        if (tokens[next].IsString)
        {
            EatNewLinesInto(item);
            var message = new ModifierSyntax("message", null);
            message.SetValue(new StringValueSyntax(Eat()));
            item.AddModifier(message);
            next = SkipNewLinesAhead();
        }

        if (tokens[next].IsWord("when"))
        {
            EatNewLinesInto(item);
            var when = new ModifierSyntax("when", Eat());
            item.AddModifier(when);
            var expression = ParseExpression(stopAtNewLine: false, stopWord: "rule");
            if (expression is null)
            {
                ReportExpected("an expression", "when", Current);
            }
            else
            {
                when.SetValue(expression);
            }
        }

        if (!AtLineEnd && !unwinding && !AtWord("rule"))
        {
            ReportUnexpected(Current, BlockKind.Validate);
            SkipRestOfLine(item);
        }
    }

    /// <summary><c>case NAME</c> followed by its items up to the next <c>case</c> or the closing brace.</summary>
    private void ParseEvalCase(ItemSyntax item)
    {
        if (!ParseRequiredName(item, "case", "a case name"))
        {
            return;
        }

        var body = new BodySyntax(BlockKind.EvalCase);
        item.SetBody(body);
        ParseItems(body, open: null, braceless: true);
    }
}
