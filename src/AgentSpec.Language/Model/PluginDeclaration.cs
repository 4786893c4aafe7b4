namespace AgentSpec;

/// <summary>A <c>plugin</c> line: recorded, not loaded (AS3017).</summary>
public sealed class PluginDeclaration : Declaration
{
    internal PluginDeclaration(string name, Syntax.ItemSyntax syntax, string file)
        : base(name, syntax, file)
    {
    }

    public override string DeclarationKind => "plugin";

    public string? Version { get; internal set; }
}
