namespace AgentSpec;

/// <summary>An agent's spend limits in USD; null when not set.</summary>
public sealed class ResolvedBudget
{
    public double? Daily { get; internal init; }

    public double? Monthly { get; internal init; }
}
