namespace AgentSpec.Tests.Infrastructure;

/// <summary>Locates the repository root (the folder holding AgentSpec.sln) and the shared conformance corpus beside it.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string TestProject => Path.Combine(Root, "tests", "AgentSpec.Language.Tests");

    public static string Samples => Path.Combine(TestProject, "Samples");

    public static string Baselines => Path.Combine(TestProject, "Baselines");

    /// <summary>The corpus is read in place from <c>../shared/corpus</c> relative to the repository root.</summary>
    public static string Corpus
    {
        get
        {
            var corpus = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));
            if (!File.Exists(Path.Combine(corpus, "MANIFEST.tsv")))
            {
                throw new InvalidOperationException(
                    $"the conformance corpus was not found at {corpus}; clone the repository next to the shared/ folder");
            }

            return corpus;
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AgentSpec.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AgentSpec.sln not found above the test binaries");
    }
}
