namespace AgentSpec;

/// <summary>The package header of the root file: <c>package "name" version "x.y.z" lang "2.0"</c>.</summary>
public sealed class PackageInfo
{
    internal PackageInfo(string name, string? version, string? lang, SourceLocation location)
    {
        Name = name;
        Version = version;
        Lang = lang;
        Location = location;
    }

    public string Name { get; }

    public string? Version { get; }

    public string? Lang { get; }

    public SourceLocation Location { get; }

    public override string ToString() => Version is null ? Name : $"{Name} {Version}";
}
