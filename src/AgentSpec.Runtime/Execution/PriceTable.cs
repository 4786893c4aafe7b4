namespace AgentSpec.Runtime.Execution;

/// <summary>Built-in model prices in USD per million input/output tokens (spec §4.13); unknown models cost 0.</summary>
public static class PriceTable
{
    private static readonly (string Prefix, double Input, double Output)[] Prices =
    [
        ("claude-opus-4", 15, 75),
        ("claude-sonnet-4", 3, 15),
        ("claude-3-7-sonnet", 3, 15),
        ("claude-3-5-sonnet", 3, 15),
        ("claude-haiku-4", 1, 5),
        ("claude-3-5-haiku", 0.8, 4),
        ("claude-3-haiku", 0.25, 1.25),
        ("gpt-4o-mini", 0.15, 0.6),
        ("gpt-4o", 2.5, 10),
        ("gpt-4.1-nano", 0.1, 0.4),
        ("gpt-4.1-mini", 0.4, 1.6),
        ("gpt-4.1", 2, 8),
        ("o4-mini", 1.1, 4.4),
        ("o3-mini", 1.1, 4.4),
        ("o3", 2, 8),
        ("o1", 15, 60),
    ];

    /// <summary>The price of a model ID (prefix removed), or null when unknown. Mock models are free and known.</summary>
    public static (double Input, double Output)? Find(string modelId, bool mock)
    {
        if (mock) return (0, 0);
        foreach (var (prefix, input, output) in Prices)
        {
            if (modelId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return (input, output);
        }
        return null;
    }

    public static double Cost((double Input, double Output) price, long input, long output) =>
        (input * price.Input + output * price.Output) / 1_000_000;
}
