namespace AgentSpec.Formatting;

/// <summary>One <c>#</c> or <c>//</c> comment of the source with the facts the attachment rules need (spec §9.5).</summary>
internal sealed class SourceComment
{
    public SourceComment(string text, int offset, bool isTrailing, bool blankLineBefore)
    {
        Text = text;
        Offset = offset;
        IsTrailing = isTrailing;
        BlankLineBefore = blankLineBefore;
    }

    /// <summary>The comment with its marker, trailing whitespace removed.</summary>
    public string Text { get; }

    public int Offset { get; }

    /// <summary>True when code precedes the comment on its line.</summary>
    public bool IsTrailing { get; }

    /// <summary>True for a comment line directly preceded by a blank line.</summary>
    public bool BlankLineBefore { get; }

    /// <summary>Set when the comment was inside an item and moved to the item's leading comments.</summary>
    public bool Moved { get; set; }

    /// <summary>Set once the comment has been attached somewhere.</summary>
    public bool Claimed { get; set; }
}
