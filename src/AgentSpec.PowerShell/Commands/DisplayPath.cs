namespace AgentSpec.Commands;

/// <summary>
/// Shortens file paths for rendering: a file under the current location is shown relative to it (as a user typed
/// it, and as CI annotations expect), any other path stays absolute. Objects that are output keep their full paths.
/// </summary>
internal static class DisplayPath
{
    public static string Of(string path, string currentDirectory)
    {
        if (!System.IO.Path.IsPathFullyQualified(path))
        {
            return path;
        }

        var relative = System.IO.Path.GetRelativePath(currentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathFullyQualified(relative)
            ? path
            : relative;
    }

    /// <summary>The diagnostic with its file (not its related locations) shown relative to the current directory.</summary>
    public static Diagnostic Of(Diagnostic diagnostic, string currentDirectory)
    {
        var file = Of(diagnostic.File, currentDirectory);
        return file == diagnostic.File
            ? diagnostic
            : new Diagnostic(diagnostic.Code, diagnostic.Severity, diagnostic.Message, file, diagnostic.Range, diagnostic.Hint, diagnostic.Related);
    }
}
