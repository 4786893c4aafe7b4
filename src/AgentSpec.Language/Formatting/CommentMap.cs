using AgentSpec.Syntax;

namespace AgentSpec.Formatting;

/// <summary>Where each comment of a file is printed: leading, trailing, closing or end comments (spec §9.5).</summary>
internal sealed class CommentMap
{
    private readonly Dictionary<object, List<SourceComment>> leading = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, SourceComment> trailing = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, List<SourceComment>> closing = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<SyntaxToken> blankBefore = new(ReferenceEqualityComparer.Instance);

    private readonly HashSet<object> touched = new(ReferenceEqualityComparer.Instance);

    public List<SourceComment> End { get; } = new();

    /// <summary>
    /// True when some item of the body (or of the file, for the root) has comments attached, or the body itself
    /// has: the printer only looks comments up inside such containers.
    /// </summary>
    public bool Touches(object container) => touched.Contains(container);

    public void Touch(object container) => touched.Add(container);

    /// <summary>Leading comments of an item or list element (null when none).</summary>
    public List<SourceComment>? Leading(object owner) => leading.TryGetValue(owner, out var list) ? list : null;

    /// <summary>The trailing comment of an item, list element or opening brace.</summary>
    public SourceComment? Trailing(object owner) => trailing.TryGetValue(owner, out var comment) ? comment : null;

    /// <summary>Closing comments of a body or list.</summary>
    public List<SourceComment>? Closing(object owner) => closing.TryGetValue(owner, out var list) ? list : null;

    /// <summary>True when the source had a blank line directly before the token (recorded for commented items).</summary>
    public bool HasBlankLineBefore(SyntaxToken token) => blankBefore.Contains(token);

    public void AddLeading(object owner, List<SourceComment> comments)
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
            leading.Add(owner, comments);
        }
    }

    public void SetTrailing(object owner, SourceComment comment) => trailing[owner] = comment;

    public void SetClosing(object owner, List<SourceComment> comments)
    {
        if (comments.Count > 0)
        {
            closing[owner] = comments;
        }
    }

    public void MarkBlankLineBefore(SyntaxToken token) => blankBefore.Add(token);
}
