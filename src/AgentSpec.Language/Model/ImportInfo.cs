namespace AgentSpec;

/// <summary>An <c>import</c> line: the path as written, its alias, and the file it resolved to (null when not merged).</summary>
public sealed class ImportInfo
{
    internal ImportInfo(string path, string? version, string? alias, string? resolvedFile, SourceLocation location)
    {
        Path = path;
        Version = version;
        Alias = alias;
        ResolvedFile = resolvedFile;
        Location = location;
    }

    public string Path { get; }

    public string? Version { get; }

    public string? Alias { get; }

    public string? ResolvedFile { get; }

    public SourceLocation Location { get; }

    public override string ToString() => Alias is null ? Path : $"{Path} as {Alias}";
}
