using AgentSpec.Syntax;

namespace AgentSpec.Parsing;

/// <summary>Marks items that contain an AS1xxx diagnostic as incomplete (spec §2.14).</summary>
internal static class IncompleteMarker
{
    public static void Mark(FileSyntax root, IReadOnlyList<Diagnostic> diagnostics)
    {
        var starts = diagnostics
            .Where(d => d.Code.StartsWith("AS1", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Code == "AS1015" && d.Related.Count > 0 ? d.Related[0].Range.Start : d.Range.Start)
            .OrderBy(p => p)
            .ToArray();
        if (starts.Length == 0)
        {
            return;
        }

        foreach (var statement in root.Statements)
        {
            Visit(statement, starts);
        }
    }

    private static void Visit(ItemSyntax item, SourcePosition[] starts)
    {
        var range = item.Range;
        var index = Array.BinarySearch(starts, range.Start);
        if (index < 0)
        {
            index = ~index;
        }

        var contains = index < starts.Length && starts[index].CompareTo(range.End) <= 0;
        item.IsIncomplete = contains;
        if (!contains)
        {
            return;
        }

        if (item.Body is not null)
        {
            foreach (var child in item.Body.Items)
            {
                Visit(child, starts);
            }
        }

        foreach (var continuation in item.Continuations)
        {
            Visit(continuation, starts);
        }
    }
}
