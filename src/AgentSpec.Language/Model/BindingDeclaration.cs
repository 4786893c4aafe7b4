namespace AgentSpec;

/// <summary>A legacy <c>binding</c> block (AS3016): recorded, no deployment effect.</summary>
public sealed class BindingDeclaration : Declaration
{
    internal BindingDeclaration(string name, Syntax.ItemSyntax syntax, string file)
        : base(name, syntax, file)
    {
    }

    public override string DeclarationKind => "binding";

    public string? Adapter { get; internal set; }

    public bool? Default { get; internal set; }

    public IReadOnlyDictionary<string, string> Properties { get; internal set; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
