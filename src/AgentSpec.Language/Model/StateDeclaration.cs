namespace AgentSpec;

/// <summary>The <c>state</c> block: the state backend and its properties.</summary>
public sealed class StateDeclaration : Declaration
{
    internal StateDeclaration(string name, Syntax.ItemSyntax syntax, string file)
        : base(name, syntax, file)
    {
    }

    public override string DeclarationKind => "state";

    public string? Type { get; internal set; }

    public IReadOnlyDictionary<string, string> Properties { get; internal set; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
