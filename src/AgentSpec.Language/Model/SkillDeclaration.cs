namespace AgentSpec;

/// <summary>A <c>skill</c>: a tool offered to agents, with its input/output schema and implementation.</summary>
public sealed class SkillDeclaration : Declaration
{
    internal SkillDeclaration(string name, Syntax.ItemSyntax syntax, string file)
        : base(name, syntax, file)
    {
    }

    public override string DeclarationKind => "skill";

    public string? Description { get; internal set; }

    public IReadOnlyList<FieldDefinition> Input { get; internal set; } = Array.Empty<FieldDefinition>();

    public IReadOnlyList<FieldDefinition> Output { get; internal set; } = Array.Empty<FieldDefinition>();

    public ToolDefinition? Tool { get; internal set; }

    public bool IsLegacyExecution { get; internal set; }

    public IReadOnlyDictionary<string, string> Metadata { get; internal set; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
