using System.Text;
using AgentSpec.Syntax;

namespace AgentSpec.Formatting;

/// <summary>
/// Prints a syntax tree in canonical form (spec §9.2–§9.5). Every item is written as: its leading comment lines, its
/// indentation, its content (which may span lines and never ends with a line break), its trailing comment, a line break.
/// </summary>
internal sealed partial class FormatWriter
{
    private static readonly string[] Indents = Enumerable.Range(0, 32).Select(n => new string(' ', n * 2)).ToArray();

    private readonly StringBuilder output;
    private readonly CommentMap? comments;

    // Value printers passed to the item helpers, created once per writer instead of once per call.
    private readonly Action<ValueSyntax, int> writeReference;
    private readonly Action<ValueSyntax, int> writeStringValue;
    private readonly Action<ValueSyntax, int> writeNameValue;
    private readonly Action<ValueSyntax, int> writeText;
    private readonly Action<ValueSyntax, int> writeAsWritten;

    private FormatWriter(int capacity, CommentMap? comments)
    {
        output = new StringBuilder(capacity);
        this.comments = comments;
        writeReference = WriteReference;
        writeStringValue = WriteStringValue;
        writeNameValue = WriteNameValue;
        writeText = WriteText;
        writeAsWritten = WriteAsWritten;
    }

    public static string Write(SyntaxTree tree)
    {
        // The builder starts at most one 8000-character chunk: a buffer for the whole output would land on the
        // large-object heap for large files (its allocations soon trigger full collections); the builder adds chunks.
        var writer = new FormatWriter(Math.Min(tree.Source.Length + (tree.Source.Length >> 3) + 16, 8000), CommentAttacher.Attach(tree));
        writer.WriteFile(tree.Root);
        return writer.output.ToString();
    }

    private static string Indent(int level) => level < Indents.Length ? Indents[level] : new string(' ', level * 2);

    private void WriteFile(FileSyntax root)
    {
        var statements = root.Statements;
        var attached = comments is not null && comments.Touches(root) ? comments : null;
        for (var i = 0; i < statements.Count; i++)
        {
            if (i > 0)
            {
                output.Append('\n');
            }

            WriteItem(statements[i], 0, firstInBody: true, attached);
        }

        if (comments is not null && comments.End.Count > 0)
        {
            if (statements.Count > 0)
            {
                output.Append('\n');
            }

            WriteCommentGroup(comments.End, 0, blankBeforeFirst: false);
        }
    }

    /// <summary>Leading comments, indentation, content, trailing comment and the final line break of one item.</summary>
    private void WriteItem(ItemSyntax item, int level, bool firstInBody, CommentMap? attached)
    {
        WriteItemCore(item, level, firstInBody, attached);
        output.Append('\n');
    }

    /// <summary><see cref="WriteItem"/> without the final line break.</summary>
    /// <param name="attached">The comment map when the item's container has comments attached, else null.</param>
    private void WriteItemCore(ItemSyntax item, int level, bool firstInBody, CommentMap? attached)
    {
        if (attached is not null)
        {
            WriteLeadingComments(attached.Leading(item), item, level, firstInBody);
        }

        output.Append(Indent(level));
        WriteContent(item, level);
        if (attached?.Trailing(item) is { } trailing)
        {
            output.Append(' ').Append(trailing.Text);
        }
    }

    /// <summary>The comment map when the body has comments attached to it or its items, else null.</summary>
    private CommentMap? AttachedTo(BodySyntax body) => comments is not null && comments.Touches(body) ? comments : null;

    /// <summary>Writes <c>{</c>, the items of the body in canonical order, closing comments and <c>}</c>.</summary>
    private void WriteBody(BodySyntax body, int level)
    {
        output.Append('{');
        var attached = AttachedTo(body);
        if (attached is not null && body.OpenBrace is { } open)
        {
            WriteTrailing(open);
        }

        output.Append('\n');
        var items = CanonicalOrder.Order(body);
        for (var i = 0; i < items.Count; i++)
        {
            WriteItem(items[i], level + 1, firstInBody: i == 0, attached);
        }

        if (attached?.Closing(body) is { } closing)
        {
            WriteCommentGroup(closing, level + 1, blankBeforeFirst: items.Count > 0 && closing[0].BlankLineBefore);
        }

        output.Append(Indent(level)).Append('}');
    }

    private void WriteTrailing(SyntaxElement owner)
    {
        if (comments?.Trailing(owner) is { } comment)
        {
            output.Append(' ').Append(comment.Text);
        }
    }

    private void WriteLeadingComments(List<SourceComment>? leading, ItemSyntax item, int level, bool firstInBody)
    {
        if (leading is null || comments is null)
        {
            return;
        }

        WriteCommentGroup(leading, level, blankBeforeFirst: !firstInBody && leading[0].BlankLineBefore && !leading[0].Moved);
        var first = TokenBounds.First(item);
        if (first is not null && comments.HasBlankLineBefore(first))
        {
            output.Append('\n');
        }
    }

    /// <summary>Comment lines at one indentation; a run of blank lines inside the group prints as one blank line.</summary>
    private void WriteCommentGroup(List<SourceComment> group, int level, bool blankBeforeFirst)
    {
        for (var i = 0; i < group.Count; i++)
        {
            var comment = group[i];
            if (i == 0 ? blankBeforeFirst : comment.BlankLineBefore && !comment.Moved)
            {
                output.Append('\n');
            }

            output.Append(Indent(level)).Append(comment.Text).Append('\n');
        }
    }
}
