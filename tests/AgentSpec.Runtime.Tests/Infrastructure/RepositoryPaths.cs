namespace AgentSpec.Runtime.Tests.Infrastructure;

/// <summary>Paths relative to the repository root (the directory holding AgentSpec.sln) and the shared corpus beside it.</summary>
public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AgentSpec.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException("repository root (AgentSpec.sln) not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Corpus(params string[] parts) => Path.GetFullPath(Path.Combine([Root, "..", "shared", "corpus", .. parts]));
}
