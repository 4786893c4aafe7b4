namespace AgentSpec.Parsing;

/// <summary>
/// Computes 1-based positions for offsets that only move forward, in amortised constant time (the lexer's hot path).
/// Lines end at LF; columns count UTF-16 code units (spec §1.2).
/// </summary>
internal sealed class PositionTracker
{
    private readonly string text;
    private int offset;
    private int line = 1;
    private int lineStart;

    public PositionTracker(string text)
    {
        this.text = text;
    }

    public SourceRange Range(int start, int end) => new(Position(start), Position(end));

    /// <summary>The position of <paramref name="target"/>; offsets before the last one asked are answered by rescanning.</summary>
    public SourcePosition Position(int target)
    {
        if (target < offset)
        {
            offset = 0;
            line = 1;
            lineStart = 0;
        }

        while (offset < target)
        {
            var newline = text.IndexOf('\n', offset, target - offset);
            if (newline < 0)
            {
                offset = target;
                break;
            }

            line++;
            lineStart = newline + 1;
            offset = newline + 1;
        }

        return new SourcePosition(line, target - lineStart + 1);
    }
}
