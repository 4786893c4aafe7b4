using System.Text;
using AgentSpec.Parsing;
using AgentSpec.Syntax;

namespace AgentSpec.Tests.Parsing;

/// <summary>Test vectors of the language spec's Appendix A that concern the front end, and lexical edge cases.</summary>
public sealed class SpecVectorTests
{
    [Fact]
    public void A3_bom_and_crlf_give_no_diagnostics_and_the_first_comment_is_at_1_1()
    {
        var lines = new[]
        {
            "# team: platform",
            "package \"svc\" version \"1.2.0\" lang \"2.0\"",
            "prompt \"p\" { content \"Be brief.\" }   // inline",
            "agent \"a\" {",
            "  model \"m1\"",
            "  # which prompt",
            "  uses prompt \"p\"",
            "}",
        };
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines))];

        var tree = SyntaxParser.Parse(bytes, "a3.ias");

        Assert.Empty(tree.Diagnostics);
        var comment = tree.Tokens[0].LeadingTrivia.First(t => t.IsComment);
        Assert.Equal(("# team: platform", new SourcePosition(1, 1)), (comment.Text, comment.Range.Start));
        Assert.True(tree.Source.HadByteOrderMark);
    }

    [Fact]
    public void A4_triple_quoted_string_value_drops_the_common_indentation()
    {
        var text = "package \"t\" version \"1.0.0\" lang \"2.0\"\n\nprompt \"tri\" {\n  content \"\"\"\n      You triage tickets.\n        Escalate outages.\n\n      Be concise.\n    \"\"\"\n}\n";

        var tree = SyntaxParser.Parse(text, "a4.ias");

        Assert.Empty(tree.Diagnostics);
        var content = tree.Root.Statements[1].Body!.Items[0];
        Assert.Equal("You triage tickets.\n  Escalate outages.\n\nBe concise.", content.Values[0].Text);
    }

    [Theory]
    [InlineData("\"\"\"\n    Line one\n      indented\n\n    end\n  \"\"\"", "Line one\n  indented\n\nend")]
    [InlineData("\"\"\"inline\"\"\"", "inline")]
    [InlineData("\"\"\"first\n  second\n  \"\"\"", "first\nsecond")]
    [InlineData("\"a\\nb\\t\\\\\\\"\"", "a\nb\t\\\"")]
    [InlineData("\"keep \\q\"", "keep \\q")]
    [InlineData("\"multi\r\nline\"", "multi\nline")]
    public void String_values_follow_the_escape_and_indentation_rules(string literal, string expected)
    {
        var tree = SyntaxParser.Parse($"package \"s\" version \"1.0.0\" lang \"2.0\"\nprompt \"p\" {{ content {literal} }}\n", "s.ias");

        Assert.Equal(expected, tree.Root.Statements[1].Body!.Items[0].Values[0].Text);
    }

    [Fact]
    public void Words_numbers_and_glued_paths_tokenize_as_the_spec_says()
    {
        var tree = SyntaxParser.Parse("gpt-4.1 web-search café 10s 007 5. store(a/b-c.d:e)", "w.ias");

        var tokens = tree.Tokens.Select(t => (t.Kind, t.Text)).ToList();
        Assert.Equal(
            [
                (TokenKind.Word, "gpt-4"), (TokenKind.Dot, "."), (TokenKind.Number, "1"), (TokenKind.Word, "web-search"),
                (TokenKind.Word, "café"), (TokenKind.Number, "10"), (TokenKind.Word, "s"), (TokenKind.Number, "007"),
                (TokenKind.Number, "5."), (TokenKind.Word, "store"), (TokenKind.OpenParen, "("), (TokenKind.Word, "a"),
                (TokenKind.Slash, "/"), (TokenKind.Word, "b-c"), (TokenKind.Dot, "."), (TokenKind.Word, "d"),
                (TokenKind.Colon, ":"), (TokenKind.Word, "e"), (TokenKind.CloseParen, ")"), (TokenKind.EndOfFile, ""),
            ],
            tokens);
    }

    [Fact]
    public void Columns_count_utf16_code_units_and_a_tab_is_one()
    {
        var tree = SyntaxParser.Parse("package \"😀\"\t=", "c.ias");

        var bad = Assert.Single(tree.Diagnostics, d => d.Code == "AS1002");
        Assert.Equal(new SourcePosition(1, 14), bad.Range.Start);
    }

    [Fact]
    public void Invalid_utf8_is_reported_and_replaced()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("package \"x\" version \"1.0.0\" lang \"2.0\"\nprompt \"p\" { content \""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\" }\n")];

        var tree = SyntaxParser.Parse(bytes, "u.ias");

        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal(("AS1001", 2, 23), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Contains('\uFFFD', tree.Root.Statements[1].Body!.Items[0].Values[0].Text);
    }

    [Fact]
    public void Unterminated_strings_recover_on_the_next_line()
    {
        var tree = SyntaxParser.Parse("package \"x\" version \"1.0.0\" lang \"2.0\"\nprompt \"p\" {\n  content \"\"\"never closed\n}\n", "t.ias");

        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal(("AS1004", 3, 11), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.NotNull(tree.Root.Statements[1].Body!.CloseBrace);
    }

    [Fact]
    public void A_missing_brace_is_reported_once_and_the_next_declaration_still_parses()
    {
        var text = "package \"x\" version \"1.0.0\" lang \"2.0\"\nagent \"a\" {\n  model \"m\"\n  memory {\n    max_messages 5\n\nagent \"b\" {\n  model \"n\"\n}\n";

        var tree = SyntaxParser.Parse(text, "m.ias");

        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal(("AS1015", 7, 1), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Equal("'{' opened at 4:10 is not closed", diagnostic.Message);
        Assert.Equal(new SourcePosition(4, 10), Assert.Single(diagnostic.Related).Range.Start);
        Assert.Equal(["a", "b"], tree.Root.Statements.Skip(1).Select(s => s.Values[0].Text));
        Assert.True(tree.Root.Statements[1].IsIncomplete);
        Assert.False(tree.Root.Statements[2].IsIncomplete);
    }
}
