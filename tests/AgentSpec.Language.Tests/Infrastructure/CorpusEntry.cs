namespace AgentSpec.Tests.Infrastructure;

/// <summary>One row of the corpus MANIFEST.tsv.</summary>
public sealed record CorpusEntry(string RelativePath, string Expect, string Note)
{
    public string FullPath => Path.Combine(RepositoryPaths.Corpus, RelativePath);

    public bool IsValid => Expect == "valid";

    public override string ToString() => RelativePath;

    public static IReadOnlyList<CorpusEntry> All { get; } = Load();

    public static TheoryData<string> Paths(Func<CorpusEntry, bool>? filter = null)
    {
        var data = new TheoryData<string>();
        foreach (var entry in All.Where(e => filter is null || filter(e)))
        {
            data.Add(entry.RelativePath);
        }

        return data;
    }

    public static CorpusEntry Get(string relativePath) => All.Single(e => e.RelativePath == relativePath);

    private static IReadOnlyList<CorpusEntry> Load() =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.Corpus, "MANIFEST.tsv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .Select(parts => new CorpusEntry(parts[0], parts[1], parts.Length > 2 ? parts[2] : string.Empty))
            .ToList();
}
