namespace AgentSpec.Syntax;

/// <summary>The root of a file's tree: header, statements and the end-of-file token (which carries end comments).</summary>
public sealed class FileSyntax : SyntaxNode
{
    private readonly ChunkedList<ItemSyntax> statements = new(16); // chunked: a large file has many statements

    /// <summary>The first <c>package</c> header, when present.</summary>
    public ItemSyntax? Header { get; internal set; }

    /// <summary>Every statement in source order, headers included.</summary>
    public IReadOnlyList<ItemSyntax> Statements => statements;

    public SyntaxToken? EndOfFile { get; internal set; }

    internal void AddStatement(ItemSyntax item)
    {
        statements.Add(item);
        Add(item);
    }
}
