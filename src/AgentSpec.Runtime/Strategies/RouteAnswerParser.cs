using System.Text.RegularExpressions;

namespace AgentSpec.Runtime.Strategies;

/// <summary>Parses a router's classification answer (spec §4.6 step 3).</summary>
public static class RouteAnswerParser
{
    /// <summary>The chosen agent, or null for none.</summary>
    public static string? Parse(string answer, IReadOnlyList<string> agents)
    {
        var text = answer.Trim();
        string previous;
        do
        {
            previous = text;
            text = text.Trim().Trim('"', '\'', '`', '*').TrimEnd('.', ',', ';', ':', '!', '?').Trim();
        }
        while (text != previous);
        var exact = agents.FirstOrDefault(a => a.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (exact is not null) return exact;
        if (text.Equals("NONE", StringComparison.OrdinalIgnoreCase)) return null;
        var found = agents.Where(a => Regex.IsMatch(answer, @"(?<![A-Za-z0-9_-])" + Regex.Escape(a) + @"(?![A-Za-z0-9_-])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).Distinct().ToList();
        return found.Count == 1 ? found[0] : null;
    }
}
