namespace AgentSpec;

/// <summary>One overridden attribute: its path (<c>resources.cpu</c>, <c>env.LOG_LEVEL</c>), the value as written, and where.</summary>
public sealed class OverrideSetting
{
    public string Path { get; internal set; } = string.Empty;

    public string Value { get; internal set; } = string.Empty;

    public SourceLocation Location { get; internal set; } = new(string.Empty, default);
}
