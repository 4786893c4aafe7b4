namespace AgentSpec;

/// <summary>A file and a range in it.</summary>
public sealed record SourceLocation(string File, SourceRange Range)
{
    public int Line => Range.Start.Line;

    public int Column => Range.Start.Column;

    public override string ToString() => $"{File}:{Range.Start.Line}:{Range.Start.Column}";
}
