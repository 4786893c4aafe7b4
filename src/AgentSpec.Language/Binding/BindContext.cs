using AgentSpec.Diagnostics;
using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>What a declaration reader needs: the file's diagnostics, typed value reading, and whether it applies overrides.</summary>
internal sealed class BindContext
{
    // Singular attributes seen in the declaration being created. Every base-document item of a declaration is applied
    // while DeclarationFactory.Create builds it, so the set starts afresh when another declaration comes in; one small
    // string-keyed set is reused instead of a (declaration, attribute) key per item.
    private readonly Dictionary<string, ItemSyntax> seenSingular = new(StringComparer.Ordinal);
    private Declaration? singularOwner;

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
        declaration.SetLocation(path, File, node);

    /// <summary>AS2016 for a singular attribute written twice in one declaration (base document only).</summary>
    public void Singular(Declaration declaration, ItemSyntax item, string attribute)
    {
        if (IsOverride)
        {
            return;
        }

        if (!ReferenceEquals(singularOwner, declaration))
        {
            singularOwner = declaration;
            seenSingular.Clear();
        }

        if (seenSingular.TryGetValue(attribute, out var earlier))
        {
            var word = item.Keywords.Count > 0 ? item.Keywords[0].Range : item.Range;
            Diagnostics.Add(
                "AS2016",
                word,
                $"'{attribute}' is set more than once in {declaration.DeclarationKind} \"{declaration.Name}\"; the last value is used",
                null,
                [new RelatedLocation(File, earlier.Range, "first set here")]);
        }

        seenSingular[attribute] = item;
    }
}
