namespace AgentSpec;

/// <summary>One override block of an environment: the resource it targets and the settings it changes.</summary>
public sealed class ResourceOverride
{
    public string ResourceKind { get; internal set; } = string.Empty;

    public string ResourceName { get; internal set; } = string.Empty;

    public SourceLocation Location { get; internal set; } = new(string.Empty, default);

    public IReadOnlyList<OverrideSetting> Settings { get; internal set; } = Array.Empty<OverrideSetting>();
}
