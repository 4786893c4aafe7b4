namespace AgentSpec;

/// <summary>A skill reached by the served agents, with its tool in resolved form.</summary>
public sealed class ResolvedSkill
{
    public string Name { get; internal init; } = string.Empty;

    public string Description { get; internal init; } = string.Empty;

    public IReadOnlyList<FieldDefinition> Input { get; internal init; } = Array.Empty<FieldDefinition>();

    public IReadOnlyList<FieldDefinition> Output { get; internal init; } = Array.Empty<FieldDefinition>();

    public ResolvedTool Tool { get; internal init; } = new();

    public IReadOnlyDictionary<string, string> Metadata { get; internal init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
