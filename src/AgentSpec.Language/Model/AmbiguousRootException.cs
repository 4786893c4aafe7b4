namespace AgentSpec;

/// <summary>A directory was given as a specification but it holds several .ias files and no index.ias.</summary>
public sealed class AmbiguousRootException : Exception
{
    public AmbiguousRootException(string directory, IReadOnlyList<string> files)
        : base($"the directory '{directory}' holds several .ias files and no index.ias: {string.Join(", ", files)}; name one file or add an index.ias")
    {
        Directory = directory;
        Files = files;
    }

    public string Directory { get; }

    public IReadOnlyList<string> Files { get; }
}
