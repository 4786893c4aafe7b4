namespace AgentSpec;

/// <summary>One policy rule: <c>deny|allow|require SUBJECT [VALUE]</c> and where it is written.</summary>
public sealed class PolicyRule
{
    public string Action { get; internal set; } = string.Empty;

    public string? Subject { get; internal set; }

    public string? Value { get; internal set; }

    public SourceLocation Location { get; internal set; } = new(string.Empty, default);
}
