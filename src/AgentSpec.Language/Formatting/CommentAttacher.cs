using AgentSpec.Syntax;

namespace AgentSpec.Formatting;

/// <summary>
/// Decides, on the source, where every comment is printed (spec §9.5): trailing comments of the smallest item, list
/// element or opening brace whose last token precedes them; comment lines as leading comments of the next item or
/// element, as closing comments of a body or list, or as end comments of the file; any other comment inside an item
/// becomes a leading comment of that item.
/// </summary>
internal sealed class CommentAttacher
{
    private readonly List<SourceComment> comments;
    // Keyed by token offset: tokens of one tree never share an offset, and integers hash cheaply.
    private readonly Dictionary<int, SourceComment> trailingByToken;
    private readonly HashSet<int> afterBlankLine;
    private readonly CommentMap map = new();

    private CommentAttacher(List<SourceComment> comments, Dictionary<int, SourceComment> trailingByToken, HashSet<int> afterBlankLine)
    {
        this.comments = comments;
        this.trailingByToken = trailingByToken;
        this.afterBlankLine = afterBlankLine;
    }

    /// <summary>The comment map of a tree, or null when the file has no comments.</summary>
    public static CommentMap? Attach(SyntaxTree tree)
    {
        var tokens = tree.TokenList;
        List<SourceComment>? comments = null;
        Dictionary<int, SourceComment>? trailing = null;
        HashSet<int>? afterBlankLine = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && tokens[i].Kind != TokenKind.NewLine && tokens[i - 1].Kind == TokenKind.NewLine && IsBlankLine(tokens, i - 1))
            {
                afterBlankLine ??= new HashSet<int>();
                afterBlankLine.Add(tokens[i].Offset);
            }

            if (!tokens[i].HasCommentTrivia)
            {
                continue;
            }

            var trivia = tokens[i].LeadingTrivia;
            for (var t = 0; t < trivia.Count; t++)
            {
                if (!trivia[t].IsComment)
                {
                    continue;
                }

                var isTrailing = i > 0 && tokens[i - 1].Kind != TokenKind.NewLine;
                var comment = new SourceComment(trivia[t].Text.TrimEnd(), trivia[t].Offset, isTrailing, !isTrailing && IsBlankLine(tokens, i - 1));
                comments ??= new List<SourceComment>();
                comments.Add(comment);
                if (isTrailing)
                {
                    trailing ??= new Dictionary<int, SourceComment>();
                    trailing.TryAdd(tokens[i - 1].Offset, comment);
                }
            }
        }

        if (comments is null)
        {
            return null;
        }

        var attacher = new CommentAttacher(comments, trailing ?? new(), afterBlankLine ?? new());
        attacher.AttachFile(tree.Root);
        return attacher.map;
    }

    /// <summary>True when the line ended by the line break at <paramref name="index"/> holds nothing (no code, no comment).</summary>
    private static bool IsBlankLine(ChunkedList<SyntaxToken> tokens, int index)
    {
        if (index < 0 || tokens[index].Kind != TokenKind.NewLine || HasComment(tokens[index]))
        {
            return false;
        }

        return index == 0 || tokens[index - 1].Kind == TokenKind.NewLine;
    }

    private static bool HasComment(SyntaxToken token) => token.HasCommentTrivia;

    private void AttachFile(FileSyntax root)
    {
        var boundary = -1;
        boundary = AttachMembers(root.Statements, root, boundary, int.MaxValue, nonTrailingOnly: false);

        foreach (var comment in Take(boundary, int.MaxValue, nonTrailingOnly: false))
        {
            map.End.Add(comment);
        }
    }

    /// <summary>Attaches the items of a container in order; <paramref name="end"/> is where the run ends (or int.MaxValue).</summary>
    private int AttachMembers(IReadOnlyList<ItemSyntax> items, SyntaxNode container, int boundary, int end, bool nonTrailingOnly)
    {
        var first = items.Count > 0 ? TokenBounds.First(items[0]) : null;
        for (var i = 0; i < items.Count; i++)
        {
            var next = i + 1 < items.Count ? TokenBounds.First(items[i + 1]) : null;
            var nextStart = i + 1 < items.Count ? next?.Offset ?? int.MaxValue : end;
            boundary = AttachMember(items[i], container, boundary, nonTrailingOnly, first, nextStart);
            first = next;
        }

        return boundary;
    }

    /// <summary>
    /// Attaches the comment lines before an item, then the item; returns the new boundary offset.
    /// <paramref name="nextStart"/> is the offset of the next sibling (or of the end of the run).
    /// </summary>
    private int AttachMember(ItemSyntax item, SyntaxNode container, int boundary, bool nonTrailingOnly, SyntaxToken? first, int nextStart)
    {
        if (first is null)
        {
            return boundary;
        }

        if (first.Kind != TokenKind.NewLine && FirstAfter(first.Offset) is var after && (after >= comments.Count || comments[after].Offset >= nextStart))
        {
            // No comment lies inside the item or after it before the next sibling: only leading comments can attach,
            // and the item's first token is as good a boundary as its last one (nothing lies between them).
            AttachLeading(item, container, boundary, nonTrailingOnly, first);
            return first.Offset;
        }

        var last = TokenBounds.Last(item);
        if (last is null)
        {
            return boundary;
        }

        AttachLeading(item, container, boundary, nonTrailingOnly, first);
        AttachItem(item, container, first, last);
        return last.End;
    }

    private void AttachLeading(ItemSyntax item, SyntaxNode container, int boundary, bool nonTrailingOnly, SyntaxToken first)
    {
        var leading = Take(boundary, first.Offset, nonTrailingOnly);
        if (leading.Count > 0)
        {
            map.AddLeading(item, leading);
            map.Touch(container);
            RecordBlankLineBefore(first);
        }
    }

    private void AttachItem(ItemSyntax item, SyntaxNode container, SyntaxToken first, SyntaxToken last)
    {
        var next = FirstAfter(first.Offset);
        var hasInner = next < comments.Count && comments[next].Offset < last.End;
        if (hasInner)
        {
            if (item.Body is not null && item.Body.Kind != BlockKind.With)
            {
                AttachBody(item.Body, item);
            }

            foreach (var continuation in item.Continuations)
            {
                if (continuation.Body is not null)
                {
                    AttachBody(continuation.Body, continuation);
                }
            }

            AttachLists(item);
        }

        if (trailingByToken.TryGetValue(last.Offset, out var trailing) && !trailing.Claimed)
        {
            trailing.Claimed = true;
            map.SetTrailing(item, trailing);
            map.Touch(container);
        }

        if (hasInner)
        {
            var inner = Take(first.Offset, last.End, nonTrailingOnly: false);
            foreach (var comment in inner)
            {
                comment.Moved = true;
            }

            if (inner.Count > 0)
            {
                if (map.Leading(item) is null)
                {
                    RecordBlankLineBefore(first);
                }

                map.AddLeading(item, inner);
                map.Touch(container);
            }
        }
    }

    private void AttachBody(BodySyntax body, ItemSyntax owner)
    {
        int boundary;
        if (body.OpenBrace is { } open)
        {
            if (trailingByToken.TryGetValue(open.Offset, out var afterBrace) && !afterBrace.Claimed)
            {
                afterBrace.Claimed = true;
                map.SetTrailing(open, afterBrace);
                map.Touch(body);
            }

            boundary = open.End;
        }
        else
        {
            // The brace-less item run of an eval case starts after the case head.
            var head = owner.Values.Count > 0 ? TokenBounds.Last(owner.Values[^1]) : owner.FirstKeyword;
            boundary = head?.End ?? 0;
        }

        boundary = AttachMembers(body.Items, body, boundary, body.CloseBrace?.Offset ?? int.MaxValue, nonTrailingOnly: true);

        if (body.CloseBrace is { } close)
        {
            var closing = Take(boundary, close.Offset, nonTrailingOnly: true);
            if (closing.Count > 0)
            {
                map.SetClosing(body, closing);
                map.Touch(body);
            }
        }
    }

    private void AttachLists(ItemSyntax item)
    {
        foreach (var value in item.Values)
        {
            if (value is ListValueSyntax { IsMultiline: true } list)
            {
                AttachList(list);
            }
        }

        foreach (var modifier in item.Modifiers)
        {
            if (modifier.Value is ListValueSyntax { IsMultiline: true } list)
            {
                AttachList(list);
            }
        }
    }

    private void AttachList(ListValueSyntax list)
    {
        var boundary = list.OpenBracket.End;
        var count = list.ChildCount;
        for (var i = 0; i < count; i++)
        {
            if (list.ChildAt(i) is not ValueSyntax element)
            {
                continue;
            }

            var first = TokenBounds.First(element);
            var last = TokenBounds.Last(element);
            if (first is null || last is null)
            {
                continue;
            }

            if (i + 1 < count && list.ChildAt(i + 1) is SyntaxToken { Kind: TokenKind.Comma } comma)
            {
                last = comma;
            }

            map.AddLeading(element, Take(boundary, first.Offset, nonTrailingOnly: true));
            if (trailingByToken.TryGetValue(last.Offset, out var trailing) && !trailing.Claimed)
            {
                trailing.Claimed = true;
                map.SetTrailing(element, trailing);
            }

            boundary = last.End;
        }

        if (list.CloseBracket is { } close)
        {
            map.SetClosing(list, Take(boundary, close.Offset, nonTrailingOnly: true));
        }
    }

    private void RecordBlankLineBefore(SyntaxToken token)
    {
        if (afterBlankLine.Contains(token.Offset))
        {
            map.MarkBlankLineBefore(token);
        }
    }

    /// <summary>Index of the first comment whose offset is greater than <paramref name="offset"/>.</summary>
    private int FirstAfter(int offset)
    {
        int lo = 0, hi = comments.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (comments[mid].Offset <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Claims the unclaimed comments strictly between two offsets.</summary>
    private List<SourceComment> Take(int after, int before, bool nonTrailingOnly)
    {
        var result = new List<SourceComment>();
        for (var i = FirstAfter(after); i < comments.Count && comments[i].Offset < before; i++)
        {
            var comment = comments[i];
            if (comment.Claimed || (nonTrailingOnly && comment.IsTrailing))
            {
                continue;
            }

            comment.Claimed = true;
            result.Add(comment);
        }

        return result;
    }
}
