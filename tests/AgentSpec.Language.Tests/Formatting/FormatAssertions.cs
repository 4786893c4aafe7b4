using AgentSpec.Parsing;
using AgentSpec.Syntax;

namespace AgentSpec.Tests.Formatting;

/// <summary>Checks of the formatter contract (spec §9.1, §9.2) shared by the corpus, sample and example tests.</summary>
public static class FormatAssertions
{
    /// <summary>Formats <paramref name="text"/> and checks idempotency, comments, meaning and layout; returns the output.</summary>
    public static string FormatsCanonically(string text, string name)
    {
        var original = SyntaxParser.Parse(text, name);
        var result = SpecFormatter.FormatText(text, name);
        Assert.True(result.Success, $"{name} was not formatted: {string.Join("; ", result.Diagnostics)}");
        var formatted = result.FormattedText!;

        var second = SpecFormatter.FormatText(formatted, name);
        Assert.True(second.Success, $"{name}: the formatted text does not parse: {string.Join("; ", second.Diagnostics)}\n{formatted}");
        Assert.Equal(formatted, second.FormattedText);
        Assert.False(second.IsChanged);

        var reparsed = SyntaxParser.Parse(formatted, name);
        Assert.Equal(Comments(original), Comments(reparsed));
        Assert.Equal(MeaningDump.Of(original), MeaningDump.Of(reparsed));
        HasCanonicalLayout(reparsed, formatted);
        return formatted;
    }

    /// <summary>Every comment of a tree (marker and text, trailing whitespace removed), sorted.</summary>
    public static List<string> Comments(SyntaxTree tree) =>
        tree.Tokens.SelectMany(t => t.LeadingTrivia)
            .Where(t => t.IsComment)
            .Select(t => t.Text.TrimEnd())
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>LF only, one final LF, no tabs or trailing whitespace outside string literals, two-space indentation.</summary>
    public static void HasCanonicalLayout(SyntaxTree tree, string text)
    {
        Assert.DoesNotContain('\r', text);
        Assert.False(text.Length > 0 && text[0] == '\uFEFF', "output starts with a BOM");
        Assert.EndsWith("\n", text);
        Assert.False(text.EndsWith("\n\n", StringComparison.Ordinal), "output ends with more than one line break");
        for (var i = 0; i < tree.Tokens.Count; i++)
        {
            var token = tree.Tokens[i];
            foreach (var trivia in token.LeadingTrivia)
            {
                Assert.True(trivia.Kind is TokenKind.Whitespace or TokenKind.Comment, $"unexpected trivia {trivia.Kind} at {trivia.Range}");
                Assert.DoesNotContain('\t', trivia.Kind == TokenKind.Whitespace ? trivia.Text : string.Empty);
                if (trivia.Kind == TokenKind.Comment)
                {
                    Assert.Equal(trivia.Text.TrimEnd(), trivia.Text);
                }
            }

            var trailingWhitespace = token.LeadingTrivia.Count > 0 && token.LeadingTrivia[^1].Kind == TokenKind.Whitespace &&
                token.Kind is TokenKind.NewLine or TokenKind.EndOfFile;
            Assert.False(trailingWhitespace, $"trailing whitespace before the line break at {token.Range}");
            var firstOnLine = i == 0 || tree.Tokens[i - 1].Kind == TokenKind.NewLine;
            if (firstOnLine && token.Kind is not (TokenKind.NewLine or TokenKind.EndOfFile) && token.LeadingTrivia.Count > 0)
            {
                Assert.True(token.LeadingTrivia[^1].Text.Length % 2 == 0, $"indentation is not a multiple of two spaces at {token.Range}");
            }
        }
    }
}
