namespace AgentSpec;

/// <summary>A <c>policy</c>: deny/allow/require rules with an optional environment and deploy scope.</summary>
public sealed class PolicyDeclaration : Declaration
{
    internal PolicyDeclaration(string name, Syntax.ItemSyntax syntax, string file)
        : base(name, syntax, file)
    {
    }

    public override string DeclarationKind => "policy";

    public IReadOnlyList<PolicyRule> Rules { get; internal set; } = Array.Empty<PolicyRule>();

    public IReadOnlyList<string>? Environments { get; internal set; }

    public IReadOnlyList<string>? Deploys { get; internal set; }
}
