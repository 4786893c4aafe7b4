using System.Text;

namespace AgentSpec.Syntax;

/// <summary>A token with its position and the trivia (whitespace, comments, skipped characters) in front of it.</summary>
public sealed class SyntaxToken : SyntaxElement
{
    private static readonly SyntaxTrivia[] NoTrivia = Array.Empty<SyntaxTrivia>();
    private string? value;

    internal SyntaxToken(TokenKind kind, string text, int offset, SourceRange range, SyntaxTrivia[]? leadingTrivia, bool isUnterminated)
    {
        Kind = kind;
        Text = text;
        Offset = offset;
        TokenRange = range;
        LeadingTrivia = leadingTrivia ?? NoTrivia;
        IsUnterminated = isUnterminated;
    }

    public TokenKind Kind { get; }

    /// <summary>The exact source text of the token.</summary>
    public string Text { get; }

    public int Offset { get; }

    public int End => Offset + Text.Length;

    public SourceRange TokenRange { get; }

    public override SourceRange Range => TokenRange;

    public IReadOnlyList<SyntaxTrivia> LeadingTrivia { get; }

    /// <summary>True for a string whose closing delimiter is missing (AS1003/AS1004).</summary>
    public bool IsUnterminated { get; }

    public bool IsString => Kind is TokenKind.String or TokenKind.TripleString;

    /// <summary>True when trivia separates this token from the previous one (whitespace or a comment).</summary>
    public bool HasLeadingTrivia => LeadingTrivia.Count > 0;

    /// <summary>The value of a string token (escapes processed, triple-quoted indentation removed); else the text.</summary>
    public string Value => value ??= ComputeValue();

    public bool IsWord(string word) => Kind == TokenKind.Word && Text == word;

    public override void WriteTo(StringBuilder builder)
    {
        foreach (var trivia in LeadingTrivia)
        {
            builder.Append(trivia.Text);
        }

        builder.Append(Text);
    }

    public override string ToString() => Text;

    private string ComputeValue() => Kind switch
    {
        TokenKind.String => StringLiteral.DecodeRegular(Text, IsUnterminated),
        TokenKind.TripleString => StringLiteral.DecodeTriple(Text, IsUnterminated),
        _ => Text,
    };
}
