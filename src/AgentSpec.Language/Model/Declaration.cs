using AgentSpec.Syntax;

namespace AgentSpec;

/// <summary>
/// A named top-level block of a document (agent, prompt, skill, …). Attributes that were not written are null (or
/// empty collections), so defaults stay distinguishable; defaults are applied only in the resolved configuration.
/// </summary>
public abstract class Declaration
{
    private readonly Dictionary<string, SourceLocation> attributeLocations = new(StringComparer.Ordinal);

    private protected Declaration(string name, ItemSyntax syntax, string file)
    {
        Name = name;
        Syntax = syntax;
        File = file;
        var nameRange = syntax.Values.Count > 0 ? syntax.Values[0].Range : syntax.Range;
        Location = new SourceLocation(file, nameRange);
    }

    /// <summary>The declaration keyword: <c>agent</c>, <c>prompt</c>, <c>deploy</c>, …</summary>
    public abstract string DeclarationKind { get; }

    public string Name { get; }

    /// <summary>Where the declaration's name is written.</summary>
    public SourceLocation Location { get; }

    public string File { get; }

    /// <summary><c>&lt;package&gt;/&lt;Kind&gt;/&lt;name&gt;</c> (language spec §10.1).</summary>
    public string Fqn { get; internal set; } = string.Empty;

    internal ItemSyntax Syntax { get; }

    /// <summary>True when a syntax error lies inside the declaration (required-attribute checks are skipped).</summary>
    public bool IsIncomplete => Syntax.IsIncomplete;

    /// <summary>The file and range of an attribute's value by path (<c>model</c>, <c>memory.max_messages</c>), if set.</summary>
    public SourceLocation? LocationOf(string path) => attributeLocations.TryGetValue(path, out var location) ? location : null;

    public override string ToString() => $"{DeclarationKind} \"{Name}\"";

    internal void SetLocation(string path, SourceLocation location) => attributeLocations[path] = location;
}
