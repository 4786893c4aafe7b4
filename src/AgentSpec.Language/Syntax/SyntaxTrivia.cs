namespace AgentSpec.Syntax;

/// <summary>Whitespace, a comment, or skipped text between tokens, kept so that the tree reproduces its input.</summary>
public sealed class SyntaxTrivia
{
    internal SyntaxTrivia(TokenKind kind, string text, int offset, SourceRange range)
    {
        Kind = kind;
        Text = text;
        Offset = offset;
        Range = range;
    }

    public TokenKind Kind { get; }

    public string Text { get; }

    public int Offset { get; }

    public SourceRange Range { get; }

    public bool IsComment => Kind == TokenKind.Comment;

    public override string ToString() => Text;
}
