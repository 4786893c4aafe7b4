namespace AgentSpec.Syntax;

/// <summary>A <c>[ … ]</c> list; items are separated by optional commas and line breaks (spec §1.12).</summary>
public sealed class ListValueSyntax : ValueSyntax
{
    private readonly List<ValueSyntax> elements = new();

    internal ListValueSyntax(SyntaxToken open)
    {
        OpenBracket = open;
        Add(open);
    }

    public SyntaxToken OpenBracket { get; }

    public IReadOnlyList<ValueSyntax> Elements => elements;

    public SyntaxToken? CloseBracket { get; private set; }

    /// <summary>True when the source list spans lines or holds a comment (the formatter keeps it multi-line).</summary>
    public bool IsMultiline { get; internal set; }

    public override string Text => string.Join(", ", elements.Select(e => e.Text));

    internal void AddElement(ValueSyntax value)
    {
        elements.Add(value);
        Add(value);
    }

    internal void AddSeparator(SyntaxToken token) => Add(token);

    internal void SetClose(SyntaxToken close)
    {
        CloseBracket = close;
        Add(close);
    }
}
