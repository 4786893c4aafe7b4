namespace AgentSpec.Binding;

/// <summary>Type information of one attribute: its value kind, the declaration kind it refers to, its enum values.</summary>
internal sealed record AttributeInfo(string Key, ValueKind Kind, string? ReferenceKind = null, IReadOnlyList<string>? EnumValues = null)
{
    /// <summary>True for attributes that print as numbers or booleans (everything else prints as a quoted string).</summary>
    public bool IsNumericOrBoolean => Kind is ValueKind.Int or ValueKind.Float or ValueKind.Bool;
}
