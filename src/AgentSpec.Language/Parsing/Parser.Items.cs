using AgentSpec.Syntax;

namespace AgentSpec.Parsing;

/// <summary>Items with a fixed first word (spec §2.4–§2.13).</summary>
internal sealed partial class Parser
{
    private ItemSyntax ParseRuleItem(BlockKind kind, ItemRule rule)
    {
        var item = new ItemSyntax(rule.CanonicalKey, kind);
        var word = Eat();
        item.AddKeyword(word);
        switch (rule.Shape)
        {
            case ItemShape.Value:
            case ItemShape.PromptShorthand:
                ParseRequiredValue(item, word.Text, "a value");
                break;
            case ItemShape.Block:
            case ItemShape.Map:
                ParseBodyOf(item, rule.Nested, word.Text);
                break;
            case ItemShape.Uses:
                ParseSubKeyword(item, "uses", "'prompt', 'skill' or 'guardrail'", "prompt", "skill", "guardrail");
                break;
            case ItemShape.Budget:
                ParseSubKeyword(item, "budget", "'daily' or 'monthly'", "daily", "monthly");
                break;
            case ItemShape.Connects:
                EatOptionalWord(item, "to");
                EatOptionalWord(item, kind == BlockKind.Client ? "server" : "client");
                ParseRequiredValue(item, item.Keywords[^1].Text, "a name");
                break;
            case ItemShape.Exposes:
                EatOptionalWord(item, "skill");
                ParseRequiredValue(item, item.Keywords[^1].Text, "a skill name");
                break;
            case ItemShape.Delegate:
                EatOptionalWord(item, "to");
                EatOptionalWord(item, "agent");
                ParseRequiredValue(item, item.Keywords[^1].Text, "an agent name");
                ParseOptionalModifiers(item, "when");
                break;
            case ItemShape.OnInput:
                if (AtWord("input"))
                {
                    item.AddKeyword(Eat());
                    ParseBodyOf(item, BlockKind.OnInput, "on input");
                }
                else
                {
                    ReportExpected("'input'", "on", Current);
                    SkipRestOfLine(item);
                }

                break;
            case ItemShape.Tool:
                ParseTool(item);
                break;
            case ItemShape.Execution:
                ParseRequiredValue(item, "execution", "an execution kind");
                ParseRequiredValue(item, item.Keywords[^1].Text, "a value");
                break;
            case ItemShape.Default:
                if (Current.Kind == TokenKind.Word && Current.Text is "true" or "false")
                {
                    item.AddValue(ParseValue());
                }

                break;
            case ItemShape.UserKey:
                if (AtWord("secret") && Peek().Kind == TokenKind.OpenParen)
                {
                    item.AddKeyword(Eat());
                    item.AddValue(ParseParenthesized("secret", glued: false));
                }
                else
                {
                    ParseRequiredValue(item, "key", "a secret name");
                }

                break;
            case ItemShape.Scoring:
                ParseRequiredValue(item, "scoring", "a scoring method");
                ParseOptionalModifiers(item, "threshold");
                break;
            case ItemShape.SecretSource:
                ParseSecretSource(item, word.Text);
                break;
            case ItemShape.PolicyRule:
                ParsePolicyRule(item);
                break;
            case ItemShape.Rule:
                ParseValidateRule(item);
                break;
            case ItemShape.Case:
                ParseEvalCase(item);
                break;
            case ItemShape.Step:
                ParseDeclarationName(item, "step");
                ParseBodyOf(item, BlockKind.Step, "step name");
                break;
            default:
                ParseStatementItem(item, rule);
                break;
        }

        return item;
    }

    private void ParseSubKeyword(ItemSyntax item, string previous, string expected, params string[] words)
    {
        if (Current.Kind == TokenKind.Word && words.Contains(Current.Text))
        {
            var sub = Eat();
            item.AddKeyword(sub);
            item.Key = $"{previous} {sub.Text}";
            ParseRequiredValue(item, sub.Text, previous == "budget" ? "an amount" : "a name");
            return;
        }

        ReportExpected(expected, previous, Current);
        SkipRestOfLine(item);
    }

    private void EatOptionalWord(ItemSyntax item, string word)
    {
        if (AtWord(word) && Peek().Kind is TokenKind.String or TokenKind.TripleString or TokenKind.Word)
        {
            item.AddKeyword(Eat());
        }
    }

    private void ParseTool(ItemSyntax item)
    {
        if (Current.Kind == TokenKind.Word && Current.Text is "mcp" or "http" or "command" or "inline")
        {
            var variant = Eat();
            item.AddKeyword(variant);
            switch (variant.Text)
            {
                case "mcp":
                    ParseRequiredValue(item, "mcp", "a \"server/tool\" string");
                    return;
                case "http":
                    ParseBodyOf(item, BlockKind.HttpTool, "http");
                    return;
                case "command":
                    ParseBodyOf(item, BlockKind.CommandTool, "command");
                    return;
                default:
                    ParseBodyOf(item, BlockKind.InlineTool, "inline");
                    return;
            }
        }

        ReportExpected("'mcp', 'http', 'command' or 'inline'", "tool", Current);
        SkipRestOfLine(item);
    }

    private void ParseSecretSource(ItemSyntax item, string word)
    {
        var store = word == "store";
        if (At(TokenKind.OpenParen))
        {
            item.AddValue(ParseParenthesized(word, glued: store));
            return;
        }

        if (AtLineEnd)
        {
            ReportExpected(store ? "a store path" : "a variable name", word, Current);
            return;
        }

        if (store && IsGlueStart(Current, wildcards: false))
        {
            item.AddValue(ParseGlued(wildcards: false));
            return;
        }

        ParseRequiredValue(item, word, "a value");
    }

    private void ParsePolicyRule(ItemSyntax item)
    {
        while (!AtLineEnd && !unwinding)
        {
            if (Current.IsString)
            {
                item.AddValue(new StringValueSyntax(Eat()));
            }
            else if (IsGlueStart(Current, wildcards: true))
            {
                item.AddValue(ParseGlued(wildcards: true));
            }
            else
            {
                ReportUnexpected(Current, BlockKind.Policy);
                SkipRestOfLine(item);
                return;
            }
        }
    }

    private ItemSyntax ParseMapEntry(BlockKind kind)
    {
        var item = new ItemSyntax("entry", kind);
        item.AddKeyword(Eat());
        ParseRequiredValue(item, item.Keywords[0].Text, "a value");
        return item;
    }

    /// <summary>Variables, fields and type fields: <c>NAME TYPE [required] [default V]</c> (spec §2.4, §2.5, §2.12).</summary>
    private ItemSyntax ParseEntry(BlockKind kind, bool allowDefault, bool allowSecret, bool untilEndOfLine)
    {
        var item = new ItemSyntax("entry", kind);
        item.AddValue(ParseValue());
        if (!ParseRequiredValue(item, item.Values[0].Text, "a type"))
        {
            return item;
        }

        ParseEntryModifiers(item, allowDefault, allowSecret);
        if (untilEndOfLine && !AtLineEnd && !unwinding)
        {
            ReportUnexpected(Current, kind);
            SkipRestOfLine(item);
        }

        return item;
    }

    private void ParseEntryModifiers(ItemSyntax item, bool allowDefault, bool allowSecret)
    {
        while (Current.Kind == TokenKind.Word)
        {
            var text = Current.Text;
            if (text == "required" || (allowSecret && text == "secret"))
            {
                item.AddModifier(new ModifierSyntax(text, Eat()));
            }
            else if (allowDefault && text == "default")
            {
                var modifier = new ModifierSyntax("default", Eat());
                item.AddModifier(modifier);
                ParseRequiredModifierValue(modifier, "default", "a default value");
            }
            else
            {
                return;
            }
        }
    }

    private ItemSyntax ParseConfigParameter()
    {
        var item = new ItemSyntax("entry", BlockKind.Config);
        item.AddValue(ParseValue());
        if (!ParseRequiredValue(item, item.Values[0].Text, "a type"))
        {
            return item;
        }

        ParseEntryModifiers(item, allowDefault: true, allowSecret: true);
        var next = SkipNewLinesAhead();
        if (tokens[next].IsString)
        {
            EatNewLinesInto(item);
            var description = new ModifierSyntax("description", null);
            description.SetValue(new StringValueSyntax(Eat()));
            item.AddModifier(description);
        }

        if (!AtLineEnd && !unwinding)
        {
            ReportUnexpected(Current, BlockKind.Config);
            SkipRestOfLine(item);
        }

        return item;
    }

    private ItemSyntax ParseOverrideBlock()
    {
        var item = new ItemSyntax("override", BlockKind.Environment);
        item.AddKeyword(Eat());
        if (!IsName(Current))
        {
            ReportExpected("a resource name", item.Keywords[0].Text, Current);
            SkipRestOfLine(item);
            return item;
        }

        item.AddValue(ParseValue());
        ParseBodyOf(item, BlockKind.Override, "resource name");
        return item;
    }

    /// <summary>
    /// An override item: <c>uses prompt "p"</c>, <c>budget daily 5</c>, <c>name [variant] { … }</c> or <c>name value</c>.
    /// </summary>
    private ItemSyntax ParseOverrideItem()
    {
        var head = Current;
        var item = new ItemSyntax(head.Kind == TokenKind.Word ? head.Text : head.Value, BlockKind.Override);
        item.AddKeyword(Eat());
        if (head.Kind == TokenKind.Word && head.Text is "uses" or "budget" &&
            Current.Kind == TokenKind.Word && Current.Text is "prompt" or "daily" or "monthly")
        {
            var sub = Eat();
            item.AddKeyword(sub);
            item.Key = $"{head.Text} {sub.Text}";
            ParseRequiredValue(item, sub.Text, "a value");
            return item;
        }

        if (At(TokenKind.OpenBrace) || (At(TokenKind.Word) && Peek().Kind == TokenKind.OpenBrace))
        {
            if (At(TokenKind.Word))
            {
                item.AddKeyword(Eat());
            }

            ParseBodyOf(item, BlockKind.Override, item.Keywords[^1].Text);
            return item;
        }

        ParseRequiredValue(item, head.Text, "a value");
        return item;
    }

    private ItemSyntax ParseWithParameter()
    {
        var item = new ItemSyntax("param", BlockKind.With);
        item.AddValue(ParseValue());
        if (!At(TokenKind.Colon))
        {
            ReportExpected("':'", item.Values[0].Text, Current);
            SkipRestOfLine(item);
            return item;
        }

        var colon = Eat();
        item.Add(colon);
        var expression = ParseExpression(stopAtNewLine: true, stopWord: null, TokenKind.Comma);
        if (expression is null)
        {
            ReportExpected("an expression", ":", Current);
            return item;
        }

        item.AddValue(expression);
        if (At(TokenKind.Comma))
        {
            item.Add(Eat());
        }

        return item;
    }
}
