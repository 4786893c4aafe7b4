namespace AgentSpec;

/// <summary>An eval case: input, expected output, scoring method, threshold and tags.</summary>
public sealed class EvalCase
{
    public string Name { get; internal set; } = string.Empty;

    public string? Input { get; internal set; }

    public string? Expect { get; internal set; }

    public string? Scoring { get; internal set; }

    public double? Threshold { get; internal set; }

    public IReadOnlyList<string> Tags { get; internal set; } = Array.Empty<string>();
}
