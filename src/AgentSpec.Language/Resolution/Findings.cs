using AgentSpec.Syntax;

namespace AgentSpec.Resolution;

/// <summary>Diagnostics created after binding (target context, policies) and syntax look-ups by location.</summary>
internal static class Findings
{
    public static Diagnostic Make(string code, SourceLocation location, string message, string? hint = null, IReadOnlyList<RelatedLocation>? related = null) =>
        new(code, Diagnostics.DiagnosticCatalog.Get(code).Severity, message, location.File, location.Range, hint, related);

    /// <summary>The syntax node of type <typeparamref name="T"/> written exactly at a location, if any.</summary>
    public static T? NodeAt<T>(Document document, SourceLocation location)
        where T : SyntaxNode
    {
        var file = document.SourceFiles.FirstOrDefault(f => f.DisplayName == location.File);
        return file is null ? null : Search<T>(file.Tree.Root, location.Range);
    }

    /// <summary>Orders diagnostics as language spec §5.1 does: by file (merge order), position, code; exact duplicates once.</summary>
    public static IReadOnlyList<Diagnostic> Order(IReadOnlyList<string> files, IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Distinct()
            .OrderBy(d => files.IndexOf(d.File) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(d => d.Range.Start)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static T? Search<T>(SyntaxNode node, SourceRange range)
        where T : SyntaxNode
    {
        foreach (var child in node.Children)
        {
            if (child is not SyntaxNode inner)
            {
                continue;
            }

            var r = inner.Range;
            if (r.Start.CompareTo(range.Start) > 0 || r.End.CompareTo(range.End) < 0)
            {
                continue;
            }

            if (inner is T match && r == range)
            {
                return match;
            }

            if (Search<T>(inner, range) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
