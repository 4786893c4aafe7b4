using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AgentSpec.Syntax;

namespace AgentSpec;

/// <summary>
/// A named top-level block of a document (agent, prompt, skill, …). Attributes that were not written are null (or
/// empty collections), so defaults stay distinguishable; defaults are applied only in the resolved configuration.
/// </summary>
public abstract class Declaration
{
    // Where attribute values are written: the syntax is kept and the location (line and column, found in the line map)
    // is built on first request, since most locations are never asked for.
    private readonly Dictionary<string, AttributeSite> attributeLocations;

    private protected Declaration(string name, ItemSyntax syntax, string file)
    {
        Name = name;
        Syntax = syntax;

        // Sized for one location per body item (plus a few nested ones), so that it rarely grows.
        attributeLocations = new Dictionary<string, AttributeSite>((syntax.Body?.Items.Count ?? 0) + 2, StringComparer.Ordinal);
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

    /// <summary>The file the declaration was bound from (set when it is added to the symbol table).</summary>
    internal Binding.SourceFile? SourceFile { get; set; }

    /// <summary>True when a syntax error lies inside the declaration (required-attribute checks are skipped).</summary>
    public bool IsIncomplete => Syntax.IsIncomplete;

    /// <summary>The file and range of an attribute's value by path (<c>model</c>, <c>memory.max_messages</c>), if set.</summary>
    public SourceLocation? LocationOf(string path)
    {
        ref var site = ref CollectionsMarshal.GetValueRefOrNullRef(attributeLocations, path);
        if (Unsafe.IsNullRef(ref site))
        {
            return null;
        }

        return site.Location ??= new SourceLocation(site.File, site.Node.Range);
    }

    public override string ToString() => $"{DeclarationKind} \"{Name}\"";

    internal void SetLocation(string path, string file, SyntaxElement node) => attributeLocations[path] = new AttributeSite(file, node);

    private struct AttributeSite(string file, SyntaxElement node)
    {
        public readonly string File = file;
        public readonly SyntaxElement Node = node;
        public SourceLocation? Location;
    }
}
