namespace AgentSpec.Validation;

/// <summary>Where an attribute's word is written: the keyword of the item in the declaration, or the override that set it.</summary>
internal static class AttributeWord
{
    /// <summary>
    /// The head word of the attribute's item when the value in effect is written in the declaration itself; the
    /// override's value when an environment set it; the declaration name when neither is known.
    /// </summary>
    public static SourceLocation Of(Declaration declaration, string key)
    {
        var value = declaration.LocationOf(key);
        if (value is not null && !ValidationContext.IsInside(declaration, value))
        {
            return value;
        }

        var item = ValidationContext.Last(ValidationContext.Items(declaration), key);
        return item is null ? value ?? declaration.Location : new SourceLocation(declaration.File, ValidationContext.KeywordRange(item));
    }
}
