namespace AgentSpec;

/// <summary>A <c>user</c>: an API key (a secret name or environment variable) with its agents and role.</summary>
public sealed class UserDeclaration : Declaration
{
    internal UserDeclaration(string name, Syntax.ItemSyntax syntax, string file)
        : base(name, syntax, file)
    {
    }

    public override string DeclarationKind => "user";

    public string? Key { get; internal set; }

    public IReadOnlyList<string>? Agents { get; internal set; }

    public string? Role { get; internal set; }
}
