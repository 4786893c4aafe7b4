namespace AgentSpec;

/// <summary>A declared prompt placeholder: <c>NAME TYPE [required] [default V]</c>.</summary>
public sealed class PromptVariable
{
    public string Name { get; internal set; } = string.Empty;

    public string Type { get; internal set; } = string.Empty;

    public bool Required { get; internal set; }

    public string? Default { get; internal set; }
}
