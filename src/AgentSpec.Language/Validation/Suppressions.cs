using System.Text.RegularExpressions;
using AgentSpec.Binding;

namespace AgentSpec.Validation;

/// <summary>
/// <c># agentspec-ignore AS6001, AS6002</c> (or the <c>//</c> form) on a diagnostic's first line or the line directly
/// above suppresses those Warning/Info codes for that line; errors are never suppressed (spec §5.1).
/// </summary>
internal static partial class Suppressions
{
    private const string Marker = "agentspec-ignore";

    /// <summary>The diagnostics of a file that no suppression comment hides.</summary>
    public static IEnumerable<Diagnostic> Apply(SourceFile file, IEnumerable<Diagnostic> diagnostics)
    {
        if (!file.Tree.Source.Text.Contains(Marker, StringComparison.Ordinal))
        {
            return diagnostics;
        }

        var lines = CommentCodes(file);
        return diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || !IsSuppressed(lines, d));
    }

    private static bool IsSuppressed(Dictionary<int, HashSet<string>> lines, Diagnostic diagnostic) =>
        (lines.TryGetValue(diagnostic.Line, out var same) && same.Contains(diagnostic.Code)) ||
        (lines.TryGetValue(diagnostic.Line - 1, out var above) && above.Contains(diagnostic.Code));

    /// <summary>Line → codes named by suppression comments on that line.</summary>
    private static Dictionary<int, HashSet<string>> CommentCodes(SourceFile file)
    {
        var lines = new Dictionary<int, HashSet<string>>();
        foreach (var token in file.Tree.Tokens)
        {
            if (!token.HasCommentTrivia)
            {
                continue;
            }

            foreach (var trivia in token.LeadingTrivia)
            {
                if (!trivia.IsComment || !trivia.Text.Contains(Marker, StringComparison.Ordinal))
                {
                    continue;
                }

                var match = Directive().Match(trivia.Text);
                if (!match.Success)
                {
                    continue;
                }

                if (!lines.TryGetValue(trivia.Range.Start.Line, out var codes))
                {
                    codes = new HashSet<string>(StringComparer.Ordinal);
                    lines[trivia.Range.Start.Line] = codes;
                }

                foreach (Capture code in match.Groups[1].Captures)
                {
                    codes.Add(code.Value);
                }
            }
        }

        return lines;
    }

    [GeneratedRegex(@"^(?:#|//)\s*agentspec-ignore\s+(?:(AS[0-9]{4})\s*,?\s*)+")]
    private static partial Regex Directive();
}
