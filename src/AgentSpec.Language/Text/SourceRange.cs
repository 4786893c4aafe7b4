namespace AgentSpec;

/// <summary>A range [Start, End) of 1-based positions (language spec §1.2).</summary>
public readonly record struct SourceRange(SourcePosition Start, SourcePosition End)
{
    public static SourceRange Empty(SourcePosition at) => new(at, at);

    public bool IsEmpty => Start == End;

    public override string ToString() => $"{Start}-{End}";
}
