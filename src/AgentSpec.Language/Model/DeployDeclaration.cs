namespace AgentSpec;

/// <summary>A <c>deploy</c> block: one deployment target; <see cref="Kind"/> is its target kind.</summary>
public sealed class DeployDeclaration : Declaration
{
    internal DeployDeclaration(string name, Syntax.ItemSyntax syntax, string file)
        : base(name, syntax, file)
    {
    }

    public override string DeclarationKind => "deploy";

    public string? Kind { get; internal set; }

    public bool? Default { get; internal set; }

    public IReadOnlyList<string>? Agents { get; internal set; }

    public long? Port { get; internal set; }

    public string? Namespace { get; internal set; }

    public long? Replicas { get; internal set; }

    public string? Image { get; internal set; }

    public DeployResources? Resources { get; internal set; }

    public DeployHealth? Health { get; internal set; }

    public DeployAutoscale? Autoscale { get; internal set; }

    public IReadOnlyDictionary<string, string> Env { get; internal set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Secrets { get; internal set; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
