namespace AgentSpec.Syntax;

/// <summary>A regular or triple-quoted string literal.</summary>
public sealed class StringValueSyntax : ValueSyntax
{
    internal StringValueSyntax(SyntaxToken token)
    {
        Token = token;
        Add(token);
    }

    public SyntaxToken Token { get; }

    public bool IsTripleQuoted => Token.Kind == TokenKind.TripleString;

    public override string Text => Token.Value;
}
