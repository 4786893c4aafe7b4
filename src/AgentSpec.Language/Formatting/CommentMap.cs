using AgentSpec.Syntax;

namespace AgentSpec.Formatting;

/// <summary>Where each comment of a file is printed: leading, trailing, closing or end comments (spec §9.5).</summary>
internal sealed class CommentMap
{
    private readonly OwnerTable<List<SourceComment>> leading = new();
    private readonly OwnerTable<SourceComment> trailing = new();
    private readonly OwnerTable<List<SourceComment>> closing = new();
    private readonly OwnerTable<bool> blankBefore = new();
    private readonly OwnerTable<bool> touched = new();

    public List<SourceComment> End { get; } = new();

    /// <summary>
    /// True when some item of the body (or of the file, for the root) has comments attached, or the body itself
    /// has: the printer only looks comments up inside such containers.
    /// </summary>
    public bool Touches(SyntaxNode container) => touched.Contains(container);

    public void Touch(SyntaxNode container) => touched.Set(container, true);

    /// <summary>Leading comments of an item or list element (null when none).</summary>
    public List<SourceComment>? Leading(SyntaxElement owner) => leading.TryGetValue(owner, out var list) ? list : null;

    /// <summary>The trailing comment of an item, list element or opening brace.</summary>
    public SourceComment? Trailing(SyntaxElement owner) => trailing.TryGetValue(owner, out var comment) ? comment : null;

    /// <summary>Closing comments of a body or list.</summary>
    public List<SourceComment>? Closing(SyntaxNode owner) => closing.TryGetValue(owner, out var list) ? list : null;

    /// <summary>True when the source had a blank line directly before the token (recorded for commented items).</summary>
    public bool HasBlankLineBefore(SyntaxToken token) => blankBefore.Contains(token);

    public void AddLeading(SyntaxElement owner, List<SourceComment> comments)
    {
        if (comments.Count == 0)
        {
            return;
        }

        if (leading.TryGetValue(owner, out var existing))
        {
            existing.AddRange(comments);
        }
        else
        {
            leading.Set(owner, comments);
        }
    }

    public void SetTrailing(SyntaxElement owner, SourceComment comment) => trailing.Set(owner, comment);

    public void SetClosing(SyntaxNode owner, List<SourceComment> comments)
    {
        if (comments.Count > 0)
        {
            closing.Set(owner, comments);
        }
    }

    public void MarkBlankLineBefore(SyntaxToken token) => blankBefore.Set(token, true);
}
