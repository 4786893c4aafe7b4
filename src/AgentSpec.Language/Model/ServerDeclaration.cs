namespace AgentSpec;

/// <summary>A <c>server</c>: an MCP server reached over stdio, SSE or streamable HTTP.</summary>
public sealed class ServerDeclaration : Declaration
{
    internal ServerDeclaration(string name, Syntax.ItemSyntax syntax, string file)
        : base(name, syntax, file)
    {
    }

    public override string DeclarationKind => "server";

    public string? Transport { get; internal set; }

    public string? Command { get; internal set; }

    public IReadOnlyList<string>? Args { get; internal set; }

    public string? Url { get; internal set; }

    public string? AuthSecretName { get; internal set; }

    public SecretDeclaration? Auth { get; internal set; }

    public IReadOnlyList<string> Exposes { get; internal set; } = Array.Empty<string>();

    public IReadOnlyDictionary<string, string> Env { get; internal set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Metadata { get; internal set; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
