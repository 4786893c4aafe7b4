namespace AgentSpec;

/// <summary>A validate rule: <c>rule NAME [SEVERITY] [max_retries N] ["message"] [when EXPR]</c>.</summary>
public sealed class ValidationRule
{
    public string Name { get; internal set; } = string.Empty;

    public string? Severity { get; internal set; }

    public long? MaxRetries { get; internal set; }

    public string? Message { get; internal set; }

    public string? When { get; internal set; }
}
