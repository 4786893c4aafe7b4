using AgentSpec.Diagnostics;
using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>What a declaration reader needs: the file's diagnostics, typed value reading, and whether it applies overrides.</summary>
internal sealed class BindContext
{
    private readonly Dictionary<(Declaration, string), ItemSyntax> seenSingular = new();

    public BindContext(DiagnosticBag diagnostics, bool isOverride)
    {
        Diagnostics = diagnostics;
        Values = new ValueReader(diagnostics);
        IsOverride = isOverride;
    }

    public DiagnosticBag Diagnostics { get; }

    public ValueReader Values { get; }

    /// <summary>True while applying environment overrides: lenient values, nested blocks and maps merge.</summary>
    public bool IsOverride { get; }

    public string File => Diagnostics.File;

    public ValueSyntax? Value(ItemSyntax item) => item.Values.Count > 0 ? item.Values[^1] : null;

    /// <summary>Records where an attribute's value is written (for later diagnostics and policy reporting).</summary>
    public void Located(Declaration declaration, string path, SyntaxElement node) =>
        declaration.SetLocation(path, new SourceLocation(File, node.Range));

    /// <summary>AS2016 for a singular attribute written twice in one declaration (base document only).</summary>
    public void Singular(Declaration declaration, ItemSyntax item, string attribute)
    {
        if (IsOverride)
        {
            return;
        }

        if (seenSingular.TryGetValue((declaration, attribute), out var earlier))
        {
            var word = item.Keywords.Count > 0 ? item.Keywords[0].Range : item.Range;
            Diagnostics.Add(
                "AS2016",
                word,
                $"'{attribute}' is set more than once in {declaration.DeclarationKind} \"{declaration.Name}\"; the last value is used",
                null,
                [new RelatedLocation(File, earlier.Range, "first set here")]);
        }

        seenSingular[(declaration, attribute)] = item;
    }
}
