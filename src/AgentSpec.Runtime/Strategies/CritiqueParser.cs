namespace AgentSpec.Runtime.Strategies;

/// <summary>Decides whether a critique is satisfied (spec §4.5).</summary>
public static class CritiqueParser
{
    public static bool IsSatisfied(string critique)
    {
        var first = critique.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return first.TrimEnd('.', '!').Trim().Equals("SATISFACTORY", StringComparison.OrdinalIgnoreCase);
    }
}
