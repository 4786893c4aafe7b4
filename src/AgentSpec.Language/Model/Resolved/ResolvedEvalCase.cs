namespace AgentSpec;

/// <summary>An eval case with defaults applied (scoring <c>semantic</c>, threshold 0.8).</summary>
public sealed class ResolvedEvalCase
{
    public string Name { get; internal init; } = string.Empty;

    public string Input { get; internal init; } = string.Empty;

    public string Expect { get; internal init; } = string.Empty;

    public string Scoring { get; internal init; } = "semantic";

    public double Threshold { get; internal init; } = 0.8;

    public IReadOnlyList<string> Tags { get; internal init; } = Array.Empty<string>();
}
