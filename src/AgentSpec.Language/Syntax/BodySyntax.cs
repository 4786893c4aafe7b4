namespace AgentSpec.Syntax;

/// <summary>A <c>{ … }</c> body (or the brace-less item run of an eval case) and its items.</summary>
public sealed class BodySyntax : SyntaxNode
{
    private readonly List<ItemSyntax> items = new();

    internal BodySyntax(BlockKind kind)
    {
        Kind = kind;
    }

    public BlockKind Kind { get; }

    public SyntaxToken? OpenBrace { get; internal set; }

    public IReadOnlyList<ItemSyntax> Items => items;

    /// <summary>The closing brace; null when it is missing (AS1015) or for an eval case.</summary>
    public SyntaxToken? CloseBrace { get; internal set; }

    internal void AddItem(ItemSyntax item)
    {
        items.Add(item);
        Add(item);
    }
}
