using AgentSpec.Parsing;
using AgentSpec.Tests.Infrastructure;

namespace AgentSpec.Tests.Parsing;

/// <summary>Token, tree and diagnostic baselines for the syntax samples (regenerate with AGENTSPEC_UPDATE_BASELINES=1).</summary>
public sealed class SyntaxBaselineTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Samples, "syntax"), "*.ias").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Tokens_tree_and_diagnostics_match_their_baselines(string sample)
    {
        var path = Path.Combine(RepositoryPaths.Samples, "syntax", sample + ".ias");
        var tree = SyntaxParser.Parse(File.ReadAllBytes(path), sample + ".ias");

        Baseline.Match($"syntax/{sample}.tokens.txt", TreePrinter.Tokens(tree));
        Baseline.Match($"syntax/{sample}.tree.txt", TreePrinter.Tree(tree));
        Baseline.Match($"syntax/{sample}.diagnostics.txt", TreePrinter.Diagnostics(tree.Diagnostics));
        Assert.Equal(File.ReadAllText(path), tree.ToFullString());
    }
}
