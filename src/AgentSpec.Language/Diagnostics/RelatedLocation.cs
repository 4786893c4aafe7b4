namespace AgentSpec;

/// <summary>A secondary location attached to a diagnostic (for example the first declaration of a duplicate).</summary>
public sealed class RelatedLocation
{
    public RelatedLocation(string file, SourceRange range, string message)
    {
        File = file;
        Range = range;
        Message = message;
    }

    public string File { get; }

    public SourceRange Range { get; }

    public string Message { get; }

    public override string ToString() => $"{File}:{Range.Start.Line}:{Range.Start.Column}: {Message}";
}
