namespace AgentSpec;

/// <summary>A <c>client</c>: an MCP client connected to servers.</summary>
public sealed class ClientDeclaration : Declaration
{
    internal ClientDeclaration(string name, Syntax.ItemSyntax syntax, string file)
        : base(name, syntax, file)
    {
    }

    public override string DeclarationKind => "client";

    public IReadOnlyList<string> ServerNames { get; internal set; } = Array.Empty<string>();

    public IReadOnlyList<ServerDeclaration?> Servers { get; internal set; } = Array.Empty<ServerDeclaration?>();

    public IReadOnlyDictionary<string, string> Metadata { get; internal set; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
