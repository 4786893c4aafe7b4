namespace AgentSpec;

/// <summary>A field of a skill input/output or a struct type: <c>NAME TYPE [required] [default V]</c>.</summary>
public sealed class FieldDefinition
{
    public string Name { get; internal set; } = string.Empty;

    public string Type { get; internal set; } = string.Empty;

    public bool Required { get; internal set; }

    public string? Default { get; internal set; }
}
