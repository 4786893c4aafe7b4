namespace AgentSpec.Syntax;

/// <summary>A value in parentheses: <c>env(KEY)</c>, <c>store(path)</c>, <c>secret("name")</c>.</summary>
public sealed class ParenthesizedValueSyntax : ValueSyntax
{
    internal ParenthesizedValueSyntax(SyntaxToken open)
    {
        OpenParen = open;
        Add(open);
    }

    public SyntaxToken OpenParen { get; }

    public ValueSyntax? Inner { get; private set; }

    public SyntaxToken? CloseParen { get; private set; }

    public override string Text => Inner?.Text ?? string.Empty;

    internal void SetInner(ValueSyntax inner)
    {
        Inner = inner;
        Add(inner);
    }

    internal void SetClose(SyntaxToken close)
    {
        CloseParen = close;
        Add(close);
    }
}
