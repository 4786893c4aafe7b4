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

    private FormatWriter(int capacity, CommentMap? comments)
    {
        output = new StringBuilder(capacity);
        this.comments = comments;
    }

    public static string Write(SyntaxTree tree)
    {
        var writer = new FormatWriter(tree.Source.Length + (tree.Source.Length >> 3) + 16, CommentAttacher.Attach(tree));
        writer.WriteFile(tree.Root);
        return writer.output.ToString();
    }

    private static string Indent(int level) => level < Indents.Length ? Indents[level] : new string(' ', level * 2);

    private void WriteFile(FileSyntax root)
    {
        var statements = root.Statements;
        for (var i = 0; i < statements.Count; i++)
        {
            if (i > 0)
            {
                output.Append('\n');
            }

            WriteItem(statements[i], 0, firstInBody: true);
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
    private void WriteItem(ItemSyntax item, int level, bool firstInBody)
    {
        WriteItemCore(item, level, firstInBody);
        output.Append('\n');
    }

    /// <summary><see cref="WriteItem"/> without the final line break.</summary>
    private void WriteItemCore(ItemSyntax item, int level, bool firstInBody)
    {
        if (comments is not null)
        {
            WriteLeadingComments(comments.Leading(item), item, level, firstInBody);
        }

        output.Append(Indent(level));
        WriteContent(item, level);
        WriteTrailing(item);
    }

    /// <summary>Writes <c>{</c>, the items of the body in canonical order, closing comments and <c>}</c>.</summary>
    private void WriteBody(BodySyntax body, int level)
    {
        output.Append('{');
        if (body.OpenBrace is { } open)
        {
            WriteTrailing(open);
        }

        output.Append('\n');
        var items = CanonicalOrder.Order(body);
        for (var i = 0; i < items.Count; i++)
        {
            WriteItem(items[i], level + 1, firstInBody: i == 0);
        }

        if (comments?.Closing(body) is { } closing)
        {
            WriteCommentGroup(closing, level + 1, blankBeforeFirst: items.Count > 0 && closing[0].BlankLineBefore);
        }

        output.Append(Indent(level)).Append('}');
    }

    private void WriteTrailing(object owner)
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
