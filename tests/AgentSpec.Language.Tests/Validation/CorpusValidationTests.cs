using AgentSpec.Tests.Infrastructure;

namespace AgentSpec.Tests.Validation;

/// <summary>Conformance of the whole front end (parse, bind, validate) over the shared corpus.</summary>
public sealed class CorpusValidationTests
{
    public static TheoryData<string> ValidFiles => CorpusEntry.Paths(e => e.IsValid);

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Valid_files_load_without_errors(string relativePath)
    {
        var document = SpecLoader.LoadFile(CorpusEntry.Get(relativePath).FullPath);

        Assert.Empty(document.Diagnostics.Where(d => d.IsError).Select(d => d.ToText()));
    }

    [Fact]
    public void The_production_example_has_no_diagnostics_at_all()
    {
        var document = SpecLoader.LoadFile(Path.Combine(RepositoryPaths.Corpus, "seed", "production-best-practices.ias"));

        Assert.Empty(document.Diagnostics.Select(d => d.ToText()));
    }
}
