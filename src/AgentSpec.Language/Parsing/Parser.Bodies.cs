using AgentSpec.Diagnostics;
using AgentSpec.Syntax;

namespace AgentSpec.Parsing;

/// <summary>Bodies: the item loop, missing-brace recovery and unknown items (spec §2.2, §2.14).</summary>
internal sealed partial class Parser
{
    /// <summary>Parses the body that must follow an item head; the '{' may be preceded by line breaks.</summary>
    private void ParseBodyOf(ItemSyntax owner, BlockKind kind, string previous)
    {
        if (unwinding)
        {
            return;
        }

        var next = SkipNewLinesAhead();
        if (tokens[next].Kind != TokenKind.OpenBrace)
        {
            ReportExpected("'{'", previous, Current);
            SkipRestOfLine(owner);
            return;
        }

        EatNewLinesInto(owner);
        var body = new BodySyntax(kind);
        var open = Eat();
        body.OpenBrace = open;
        body.Add(open);
        owner.SetBody(body);
        ParseItems(body, open, braceless: false);
    }

    /// <summary>The item loop shared by braced bodies and the brace-less item run of an eval case.</summary>
    private void ParseItems(BodySyntax body, SyntaxToken? open, bool braceless)
    {
        while (true)
        {
            if (unwinding)
            {
                return;
            }

            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.NewLine:
                    body.Add(Eat());
                    continue;
                case TokenKind.CloseBrace:
                    if (!braceless)
                    {
                        body.CloseBrace = token;
                        body.Add(Eat());
                    }

                    return;
                case TokenKind.EndOfFile:
                    if (!braceless && open is not null)
                    {
                        ReportUnclosed(open, token);
                    }

                    return;
            }

            if (braceless && token.IsWord("case"))
            {
                return;
            }

            if (token.Kind == TokenKind.Word && token.StartsLine &&
                ClosesOpenBodies(body.Kind, token))
            {
                ReportUnclosed(open ?? token, token);
                unwinding = true;
                return;
            }

            if (token.Kind == TokenKind.Word || (IsName(token) && AcceptsStringHead(body.Kind)))
            {
                var item = ParseItem(body.Kind);
                if (item is not null)
                {
                    body.AddItem(item);
                }
                else
                {
                    SkipRestOfLine(body);
                }

                continue;
            }

            ReportUnexpected(token, body.Kind);
            if (token.Kind is TokenKind.CloseBracket or TokenKind.CloseParen)
            {
                body.Add(Eat());
            }
            else
            {
                SkipRestOfLine(body);
            }
        }
    }

    private void ReportUnclosed(SyntaxToken open, SyntaxToken where) =>
        diagnostics.Add(
            "AS1015",
            SourceRange.Empty(where.Range.Start),
            $"'{{' opened at {open.Range.Start.Line}:{open.Range.Start.Column} is not closed",
            "add '}'",
            [new RelatedLocation(source.File, open.Range, "the '{' that is not closed")]);

    /// <summary>
    /// A top-level keyword at column 1 that the current body does not accept means a '}' is missing. Open bodies
    /// (maps, overrides, entries) accept any word, so there the keyword must also be followed by a name string.
    /// </summary>
    private bool ClosesOpenBodies(BlockKind kind, SyntaxToken token)
    {
        if (!Grammar.IsStatementKeyword(token.Text) || Grammar.Find(kind, token.Text) is not null)
        {
            return false;
        }

        if (!Grammar.IsOpen(kind))
        {
            return true;
        }

        var next = Peek();
        return next.Kind is TokenKind.String or TokenKind.TripleString || token.Text is "package" or "import" or "plugin";
    }

    private static bool AcceptsStringHead(BlockKind kind) => kind is BlockKind.Map or BlockKind.Variables or
        BlockKind.Fields or BlockKind.Config or BlockKind.TypeFields or BlockKind.With or BlockKind.Environment or
        BlockKind.Override;

    /// <summary>Parses one item of a body, or reports AS1013 and returns null (the caller skips the line).</summary>
    private ItemSyntax? ParseItem(BlockKind kind)
    {
        if (Grammar.IsOpen(kind))
        {
            var rule = Grammar.Find(kind, Current.Text);
            if (rule is null || Current.Kind != TokenKind.Word)
            {
                return ParseOpenItem(kind);
            }

            return ParseRuleItem(kind, rule);
        }

        var found = Grammar.Find(kind, Current.Text);
        if (found is null)
        {
            var word = Current;
            var hint = DidYouMean.Hint(word.Text, Grammar.ItemWords(kind));
            if (kind == BlockKind.Pipeline)
            {
                hint = "expected 'step'";
            }

            diagnostics.Add("AS1013", word.Range, $"unknown attribute '{word.Text}' in {Grammar.DisplayName(kind)} block", hint);
            return null;
        }

        return ParseRuleItem(kind, found);
    }

    private ItemSyntax ParseOpenItem(BlockKind kind) => kind switch
    {
        BlockKind.Map => ParseMapEntry(kind),
        BlockKind.Variables => ParseEntry(kind, allowDefault: true, allowSecret: false, untilEndOfLine: true),
        BlockKind.TypeFields => ParseEntry(kind, allowDefault: true, allowSecret: false, untilEndOfLine: true),
        BlockKind.Fields => ParseEntry(kind, allowDefault: false, allowSecret: false, untilEndOfLine: false),
        BlockKind.Config => ParseConfigParameter(),
        BlockKind.With => ParseWithParameter(),
        BlockKind.Environment => ParseOverrideBlock(),
        BlockKind.Override => ParseOverrideItem(),
        _ => ParseMapEntry(kind), // state and binding properties: name scalar
    };
}
