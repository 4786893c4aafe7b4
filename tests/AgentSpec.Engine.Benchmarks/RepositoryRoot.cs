namespace AgentSpec.Engine.Benchmarks;

/// <summary>The repository root: the first folder holding AgentSpec.sln above the build output, else above the current directory.</summary>
internal static class RepositoryRoot
{
    public static string Find() =>
        Above(AppContext.BaseDirectory) ?? Above(Environment.CurrentDirectory)
        ?? throw new InvalidOperationException($"AgentSpec.sln not found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}; run from the repository.");

    private static string? Above(string start)
    {
        var directory = new DirectoryInfo(start);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AgentSpec.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    }
}
