namespace AgentSpec.Engine.Benchmarks;

/// <summary>The repository root: the first folder above the build output that holds AgentSpec.sln.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AgentSpec.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AgentSpec.sln not found above " + AppContext.BaseDirectory);
    }
}
