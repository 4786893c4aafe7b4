namespace AgentSpec;

/// <summary>A declared type: struct fields, enum values or a list element type.</summary>
public sealed class ResolvedType
{
    public string Name { get; internal init; } = string.Empty;

    /// <summary><c>struct</c>, <c>enum</c> or <c>list</c>.</summary>
    public string Form { get; internal init; } = "struct";

    public IReadOnlyList<FieldDefinition> Fields { get; internal init; } = Array.Empty<FieldDefinition>();

    public IReadOnlyList<string> Values { get; internal init; } = Array.Empty<string>();

    public string? ElementType { get; internal init; }
}
