using AgentSpec.Parsing;
using AgentSpec.Syntax;
using AgentSpec.Tests.Infrastructure;

namespace AgentSpec.Tests.Parsing;

/// <summary>The Superpower tokenizer and the lexer's direct scan produce the same tokens and trivia.</summary>
public sealed class TokenizerAgreementTests
{
    public static TheoryData<string> AllFiles => CorpusEntry.Paths();

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Superpower_tokens_equal_the_lexer_tokens_and_trivia(string relativePath)
    {
        var text = File.ReadAllText(CorpusEntry.Get(relativePath).FullPath).TrimStart('\uFEFF');
        var tree = SyntaxParser.Parse(text, relativePath);

        var fromSuperpower = IntentLangTokenizer.Instance.Tokenize(text)
            .Select(t => (Kind: Normalize(t.Kind), Offset: t.Span.Position.Absolute, Text: t.Span.ToStringValue(), Line: t.Span.Position.Line, Column: t.Span.Position.Column))
            .ToList();
        var fromLexer = tree.Tokens
            .SelectMany(t => t.LeadingTrivia.Select(v => (v.Kind, v.Offset, v.Text, v.Range.Start.Line, v.Range.Start.Column))
                .Append((t.Kind, t.Offset, t.Text, t.Range.Start.Line, t.Range.Start.Column)))
            .Where(t => t.Kind != TokenKind.EndOfFile)
            .ToList();

        Assert.Equal(fromSuperpower, fromLexer);
    }

    private static TokenKind Normalize(TokenKind kind) => kind switch
    {
        TokenKind.UnterminatedString => TokenKind.String,
        TokenKind.UnterminatedTripleString => TokenKind.TripleString,
        _ => kind,
    };
}
