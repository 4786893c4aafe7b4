using System.Globalization;
using System.Text;
using AgentSpec.Parsing;
using AgentSpec.Syntax;

namespace AgentSpec.Tests.Syntax;

/// <summary>
/// Large files keep tokens, root children, statements and line starts in chunked storage (off the large-object heap):
/// the tree must read exactly as for a small file, across chunk boundaries.
/// </summary>
public sealed class LargeFileStorageTests
{
    [Fact]
    public void Chunked_list_keeps_order_across_chunks_and_rejects_indexes_outside_it()
    {
        var list = new ChunkedList<string>(3);
        for (var i = 0; i < 10_000; i++)
        {
            list.Add(i.ToString(CultureInfo.InvariantCulture));
        }

        Assert.Equal(10_000, list.Count);
        Assert.Equal("0", list[0]);
        Assert.Equal("4095", list[4095]);
        Assert.Equal("4096", list[4096]);
        Assert.Equal("9999", list[9999]);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => i.ToString(CultureInfo.InvariantCulture)), list);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[10_000]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
    }

    [Fact]
    public void A_file_with_thousands_of_statements_round_trips_and_reports_positions()
    {
        var text = new StringBuilder("package \"big\" version \"1.0.0\" lang \"2.0\"\n");
        for (var i = 0; i < 5_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n# prompt {i}\nprompt \"p{i}\" {{\n  content \"text {i}\"\n}}\n");
        }

        var source = text.ToString();
        var tree = SyntaxParser.Parse(source, "big.ias");

        Assert.Empty(tree.Diagnostics);
        Assert.Equal(5_001, tree.Root.Statements.Count);
        Assert.True(tree.Root.Children.Count > 10_000);
        Assert.Equal(source, tree.ToFullString());
        Assert.Equal(tree.Tokens, tree.Root.DescendantTokens());

        // Line 2 + 5 lines per prompt: prompt 4999 starts on line 3 + 5 * 4999 + 1 (after its comment).
        var last = tree.Root.Statements[^1];
        Assert.Equal("p4999", last.Values[0].Text);
        Assert.Equal(new SourcePosition(3 + (5 * 4999) + 1, 1), last.Range.Start);
        Assert.Equal(source.Split('\n').Length, tree.Source.LineCount);
        Assert.Equal(source.LastIndexOf("prompt \"p4999\"", StringComparison.Ordinal), tree.Source.GetLineStart(last.Range.Start.Line));
    }

    [Fact]
    public void Formatting_a_file_with_thousands_of_statements_keeps_every_comment()
    {
        var text = new StringBuilder("package \"big\" version \"1.0.0\" lang \"2.0\"\n");
        for (var i = 0; i < 5_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n# prompt {i}\nprompt \"p{i}\" {{\n  content \"text {i}\" # trailing {i}\n}}\n");
        }

        var source = text.ToString();
        var result = SpecFormatter.FormatText(source, "big.ias");

        Assert.False(result.IsChanged);
        Assert.Equal(source, result.FormattedText);
    }
}
