namespace AgentSpec;

/// <summary>A <c>prompt</c>: the system prompt text and its declared placeholders.</summary>
public sealed class PromptDeclaration : Declaration
{
    internal PromptDeclaration(string name, Syntax.ItemSyntax syntax, string file)
        : base(name, syntax, file)
    {
    }

    public override string DeclarationKind => "prompt";

    public string? Content { get; internal set; }

    public string? Version { get; internal set; }

    public IReadOnlyList<PromptVariable> Variables { get; internal set; } = Array.Empty<PromptVariable>();

    public IReadOnlyDictionary<string, string> Metadata { get; internal set; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
