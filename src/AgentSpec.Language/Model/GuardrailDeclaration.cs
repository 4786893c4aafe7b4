namespace AgentSpec;

/// <summary>A <c>guardrail</c>: keywords and patterns that warn about or block agent output.</summary>
public sealed class GuardrailDeclaration : Declaration
{
    internal GuardrailDeclaration(string name, Syntax.ItemSyntax syntax, string file)
        : base(name, syntax, file)
    {
    }

    public override string DeclarationKind => "guardrail";

    public string? Mode { get; internal set; }

    public IReadOnlyList<string> Keywords { get; internal set; } = Array.Empty<string>();

    public IReadOnlyList<string> Patterns { get; internal set; } = Array.Empty<string>();

    public string? Fallback { get; internal set; }
}
