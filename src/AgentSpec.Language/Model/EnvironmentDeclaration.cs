namespace AgentSpec;

/// <summary>An <c>environment</c>: overrides applied on top of the base declarations when it is selected.</summary>
public sealed class EnvironmentDeclaration : Declaration
{
    internal EnvironmentDeclaration(string name, Syntax.ItemSyntax syntax, string file)
        : base(name, syntax, file)
    {
    }

    public override string DeclarationKind => "environment";

    public IReadOnlyList<ResourceOverride> Overrides { get; internal set; } = Array.Empty<ResourceOverride>();
}
