using System.Text.RegularExpressions;

namespace AgentSpec.Runtime.Strategies;

/// <summary>Extracts plan steps (spec §4.4 step 2).</summary>
public static partial class PlanParser
{
    [GeneratedRegex(@"^\s*(?:step\s*)?(\d+)\s*[.):]\s*(.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StepLine();

    /// <summary>The numbered steps in order; none → the whole text as one step.</summary>
    public static List<string> Parse(string plan)
    {
        var steps = new List<string>();
        foreach (var line in plan.Split('\n'))
        {
            var m = StepLine().Match(line.TrimEnd('\r'));
            if (m.Success) steps.Add(m.Groups[2].Value.Trim());
        }
        if (steps.Count == 0) steps.Add(plan.Trim());
        return steps;
    }
}
