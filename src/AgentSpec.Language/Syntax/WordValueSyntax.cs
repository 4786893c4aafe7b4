namespace AgentSpec.Syntax;

/// <summary>A bare word given as a value (<c>strategy react</c>, <c>true</c>, a type name).</summary>
public sealed class WordValueSyntax : ValueSyntax
{
    internal WordValueSyntax(SyntaxToken token)
    {
        Token = token;
        Add(token);
    }

    public SyntaxToken Token { get; }

    public bool IsBoolean => Token.Text is "true" or "false";

    public override string Text => Token.Text;
}
