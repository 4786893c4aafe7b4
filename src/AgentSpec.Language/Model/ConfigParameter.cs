namespace AgentSpec;

/// <summary>An agent config parameter: <c>NAME TYPE [required] [secret] [default V] ["description"]</c>.</summary>
public sealed class ConfigParameter
{
    public string Name { get; internal set; } = string.Empty;

    public string Type { get; internal set; } = string.Empty;

    public bool Required { get; internal set; }

    public bool Secret { get; internal set; }

    public string? Default { get; internal set; }

    public string? Description { get; internal set; }
}
