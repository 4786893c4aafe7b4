using System.Text;
using AgentSpec.Parsing;
using AgentSpec.Text;

namespace AgentSpec.Syntax;

/// <summary>
/// A token with its position and the trivia (whitespace, comments, skipped characters) in front of it. Trivia is kept
/// as the source region between the previous token and this one and materialised on first use, so that lexing a large
/// file allocates nothing for whitespace.
/// </summary>
public sealed class SyntaxToken : SyntaxElement
{
    private readonly SourceText source;
    private readonly int triviaStart;
    private string? value;

    internal SyntaxToken(TokenKind kind, string text, int offset, SourceText source, int triviaStart, bool isUnterminated, bool hasCommentTrivia)
    {
        Kind = kind;
        Text = text;
        Offset = offset;
        this.source = source;
        this.triviaStart = triviaStart;
        IsUnterminated = isUnterminated;
        HasCommentTrivia = hasCommentTrivia;
    }

    public TokenKind Kind { get; }

    /// <summary>The source the token was read from.</summary>
    internal SourceText Source => source;

    /// <summary>The exact source text of the token.</summary>
    public string Text { get; }

    public int Offset { get; }

    public int End => Offset + Text.Length;

    /// <summary>The token's range; positions are computed from the source's line map when asked for.</summary>
    public override SourceRange Range => source.GetRange(Offset, End);

    /// <summary>True when the token starts at column 1 of its line.</summary>
    public bool StartsLine => Offset == 0 || source.Text[Offset - 1] == '\n';

    /// <summary>Whitespace, comments and skipped characters between the previous token and this one, in order.</summary>
    public IReadOnlyList<SyntaxTrivia> LeadingTrivia => ScanTrivia();

    /// <summary>True when no line break separates this token from <paramref name="other"/> (which follows it).</summary>
    public bool IsOnSameLineAs(SyntaxToken other) =>
        other.Offset <= End || source.Text.IndexOf('\n', End, other.Offset - End) < 0;

    /// <summary>True for a string whose closing delimiter is missing (AS1003/AS1004).</summary>
    public bool IsUnterminated { get; }

    public bool IsString => Kind is TokenKind.String or TokenKind.TripleString;

    /// <summary>
    /// True when the leading trivia holds a <c>#</c> or <c>//</c> comment (recorded by the lexer, so that callers
    /// looking for comments need not materialise the trivia of every token).
    /// </summary>
    internal bool HasCommentTrivia { get; }

    /// <summary>True when trivia separates this token from the previous one (whitespace or a comment).</summary>
    public bool HasLeadingTrivia => triviaStart < Offset;

    /// <summary>The value of a string token (escapes processed, triple-quoted indentation removed); else the text.</summary>
    public string Value => value ??= ComputeValue();

    public bool IsWord(string word) => Kind == TokenKind.Word && Text == word;

    public override void WriteTo(StringBuilder builder) =>
        builder.Append(source.Text, triviaStart, End - triviaStart);

    public override string ToString() => Text;

    private SyntaxTrivia[] ScanTrivia()
    {
        if (triviaStart >= Offset)
        {
            return Array.Empty<SyntaxTrivia>();
        }

        var list = new List<SyntaxTrivia>();
        var text = source.Text;
        var start = triviaStart;
        while (start < Offset)
        {
            var kind = IntentLangTokenizer.Scan(text, start, Offset, out var end);
            list.Add(new SyntaxTrivia(kind, text[start..end], start, source.GetRange(start, end)));
            start = end;
        }

        return list.ToArray();
    }

    private string ComputeValue() => Kind switch
    {
        TokenKind.String => StringLiteral.DecodeRegular(Text, IsUnterminated),
        TokenKind.TripleString => StringLiteral.DecodeTriple(Text, IsUnterminated),
        _ => Text,
    };
}
