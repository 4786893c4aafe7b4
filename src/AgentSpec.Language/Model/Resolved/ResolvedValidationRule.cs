namespace AgentSpec;

/// <summary>A validate rule with defaults applied (severity <c>error</c>, 3 retries).</summary>
public sealed class ResolvedValidationRule
{
    public string Name { get; internal init; } = string.Empty;

    public string Severity { get; internal init; } = "error";

    public long MaxRetries { get; internal init; } = 3;

    public string? Message { get; internal init; }

    public string? When { get; internal init; }
}
