namespace AgentSpec.Runtime.Tools;

/// <summary>Resolves a command tool's binary to an absolute executable path: names via <c>PATH</c>, paths as given.</summary>
public static class BinaryResolver
{
    public static string? Resolve(string binary, string? pathVariable, string baseDirectory)
    {
        if (binary.Contains('/') || binary.Contains(Path.DirectorySeparatorChar))
        {
            var full = Path.GetFullPath(binary, baseDirectory);
            return IsExecutable(full) ? full : null;
        }
        foreach (var dir in (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, binary);
            if (IsExecutable(candidate)) return Path.GetFullPath(candidate);
            if (OperatingSystem.IsWindows())
            {
                foreach (var ext in (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';'))
                {
                    if (File.Exists(candidate + ext)) return Path.GetFullPath(candidate + ext);
                }
            }
        }
        return null;
    }

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path)) return false;
        if (OperatingSystem.IsWindows()) return true;
        var mode = File.GetUnixFileMode(path);
        return (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}
