namespace AgentSpec;

/// <summary>A <c>pipeline</c>: steps that run agents, with dependencies.</summary>
public sealed class PipelineDeclaration : Declaration
{
    internal PipelineDeclaration(string name, Syntax.ItemSyntax syntax, string file)
        : base(name, syntax, file)
    {
    }

    public override string DeclarationKind => "pipeline";

    public IReadOnlyList<PipelineStep> Steps { get; internal set; } = Array.Empty<PipelineStep>();
}
