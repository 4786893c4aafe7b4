namespace AgentSpec;

/// <summary>A <c>secret</c>: a reference to a value outside the document (<c>env(K)</c> or <c>store(P)</c>); never the value.</summary>
public sealed class SecretDeclaration : Declaration
{
    internal SecretDeclaration(string name, Syntax.ItemSyntax syntax, string file)
        : base(name, syntax, file)
    {
    }

    public override string DeclarationKind => "secret";

    public string? Source { get; internal set; }

    public string? Key { get; internal set; }
}
