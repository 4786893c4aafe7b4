namespace AgentSpec;

/// <summary>A <c>type</c>: a struct of fields, an enum of values, or a list of an element type.</summary>
public sealed class TypeDeclaration : Declaration
{
    internal TypeDeclaration(string name, Syntax.ItemSyntax syntax, string file)
        : base(name, syntax, file)
    {
    }

    public override string DeclarationKind => "type";

    public string Form { get; internal set; } = "struct";

    public IReadOnlyList<FieldDefinition> Fields { get; internal set; } = Array.Empty<FieldDefinition>();

    public IReadOnlyList<string> Values { get; internal set; } = Array.Empty<string>();

    public string? ElementType { get; internal set; }
}
