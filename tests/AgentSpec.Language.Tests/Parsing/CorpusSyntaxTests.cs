using System.Text;
using AgentSpec.Parsing;
using AgentSpec.Tests.Infrastructure;

namespace AgentSpec.Tests.Parsing;

/// <summary>Conformance of the front end over the shared corpus (syntax level).</summary>
public sealed class CorpusSyntaxTests
{
    public static TheoryData<string> AllFiles => CorpusEntry.Paths();

    public static TheoryData<string> ValidFiles => CorpusEntry.Paths(e => e.IsValid);

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Printing_tokens_and_trivia_reproduces_the_file(string relativePath)
    {
        var entry = CorpusEntry.Get(relativePath);
        var bytes = File.ReadAllBytes(entry.FullPath);
        var tree = SyntaxParser.Parse(bytes, relativePath);

        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        Assert.Equal(text, tree.ToFullString());
        Assert.Equal(tree.Tokens, tree.Root.DescendantTokens());
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Valid_files_have_no_syntax_error(string relativePath)
    {
        var tree = SyntaxParser.Parse(File.ReadAllBytes(CorpusEntry.Get(relativePath).FullPath), relativePath);

        Assert.DoesNotContain(tree.Diagnostics, d => d.IsError);
    }

    [Theory]
    [InlineData("reference/internal/templates/files/code-review-pipeline/code-review-pipeline.ias", "AS1002", 4, 11)]
    [InlineData("reference/internal/templates/files/data-extraction/data-extraction.ias", "AS1002", 4, 11)]
    [InlineData("reference/internal/templates/files/research-assistant/research-assistant.ias", "AS1002", 4, 11)]
    [InlineData("reference/internal/templates/files/validated-agent/validated-agent.ias", "AS1013", 9, 3)]
    public void Invalid_files_report_a_located_syntax_error(string relativePath, string code, int line, int column)
    {
        var tree = SyntaxParser.Parse(File.ReadAllBytes(CorpusEntry.Get(relativePath).FullPath), relativePath);

        var first = tree.Diagnostics.First(d => d.IsError);
        Assert.Equal((code, line, column), (first.Code, first.Line, first.Column));
        Assert.Equal(relativePath, first.File);
    }
}
