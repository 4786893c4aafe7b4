using AgentSpec.Binding;
using AgentSpec.Diagnostics;
using AgentSpec.Syntax;

namespace AgentSpec.Validation;

/// <summary>What validation rules see: the bound document and the diagnostic bag of each file.</summary>
internal sealed class ValidationContext
{
    private readonly Dictionary<string, SourceFile> files;

    public ValidationContext(Document document)
    {
        Document = document;
        files = document.SourceFiles.ToDictionary(f => f.DisplayName, StringComparer.Ordinal);
    }

    public Document Document { get; }

    /// <summary>The bag of the file a declaration is written in (diagnostics about it go there).</summary>
    public DiagnosticBag For(Declaration declaration) => For(declaration.File);

    public DiagnosticBag For(string file) => files.TryGetValue(file, out var source)
        ? source.Diagnostics
        : throw new ArgumentException($"'{file}' is not a file of this document", nameof(file));

    /// <summary>Adds a diagnostic at a location in any file of the document.</summary>
    public void Report(string code, SourceLocation location, string message, string? hint = null, IReadOnlyList<RelatedLocation>? related = null) =>
        For(location.File).Add(code, location.Range, message, hint, related);

    /// <summary>Adds a diagnostic at a range of the file a declaration is written in.</summary>
    public void Report(string code, Declaration declaration, SourceRange range, string message, string? hint = null, IReadOnlyList<RelatedLocation>? related = null) =>
        For(declaration).Add(code, range, message, hint, related);

    /// <summary>Adds a diagnostic at an attribute's value (the override's value when an environment set it), else at the name.</summary>
    public void ReportAt(string code, Declaration declaration, string path, string message, string? hint = null) =>
        Report(code, declaration.LocationOf(path) ?? declaration.Location, message, hint);

    /// <summary>Adds a diagnostic at the name of a declaration.</summary>
    public void ReportAtName(string code, Declaration declaration, string message, string? hint = null) =>
        Report(code, declaration.Location, message, hint);

    /// <summary><c>kind "name"</c> as used in messages.</summary>
    public static string Describe(Declaration declaration) =>
        declaration.Name.Length == 0 && declaration is StateDeclaration ? "state" : $"{declaration.DeclarationKind} \"{declaration.Name}\"";

    /// <summary>The items of a declaration's body as written (empty when it has none).</summary>
    public static IReadOnlyList<ItemSyntax> Items(Declaration declaration) => declaration.Syntax.Body?.Items ?? [];

    /// <summary>The last item with a key in a body (the one whose value wins), or null.</summary>
    public static ItemSyntax? Last(IReadOnlyList<ItemSyntax> items, string key)
    {
        for (var i = items.Count - 1; i >= 0; i--)
        {
            if (items[i].Key == key)
            {
                return items[i];
            }
        }

        return null;
    }

    /// <summary>The range of an item's head word.</summary>
    public static SourceRange KeywordRange(ItemSyntax item) => item.Keywords.Count > 0 ? item.Keywords[0].Range : item.Range;

    /// <summary>True when a location lies inside a declaration's own block (as opposed to an environment override).</summary>
    public static bool IsInside(Declaration declaration, SourceLocation location) =>
        location.File == declaration.File &&
        declaration.Syntax.Range.Start.CompareTo(location.Range.Start) <= 0 &&
        location.Range.End.CompareTo(declaration.Syntax.Range.End) <= 0;
}
