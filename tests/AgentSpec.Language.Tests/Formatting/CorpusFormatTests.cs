using System.Text;
using AgentSpec.Parsing;
using AgentSpec.Tests.Infrastructure;

namespace AgentSpec.Tests.Formatting;

/// <summary>The formatter contract (spec §9.1) over every file of the shared corpus.</summary>
public sealed class CorpusFormatTests
{
    public static TheoryData<string> AllFiles => CorpusEntry.Paths();

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Parseable_files_format_idempotently_keeping_comments_and_meaning(string relativePath)
    {
        var bytes = File.ReadAllBytes(CorpusEntry.Get(relativePath).FullPath);
        var tree = SyntaxParser.Parse(bytes, relativePath);
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        if (tree.Diagnostics.Any(d => d.IsError && d.Code.StartsWith("AS1", StringComparison.Ordinal)))
        {
            var refused = SpecFormatter.FormatText(text, relativePath);
            Assert.False(refused.Success);
            Assert.Null(refused.FormattedText);
            Assert.Contains(refused.Diagnostics, d => d.IsError && d.Code.StartsWith("AS1", StringComparison.Ordinal));
            return;
        }

        FormatAssertions.FormatsCanonically(text, relativePath);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Crlf_and_bom_inputs_give_the_same_output_as_lf_input(string relativePath)
    {
        var text = File.ReadAllText(CorpusEntry.Get(relativePath).FullPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        var lf = SpecFormatter.FormatText(text, relativePath);
        if (!lf.Success)
        {
            return;
        }

        var crlf = SpecFormatter.FormatText("\uFEFF" + text.Replace("\n", "\r\n", StringComparison.Ordinal), relativePath);

        Assert.True(crlf.Success);
        Assert.True(crlf.IsChanged);
        Assert.Equal(lf.FormattedText, crlf.FormattedText);
    }
}
