using System.Management.Automation;

namespace AgentSpec.Commands;

/// <summary>
/// Base of the cmdlets that read specification files: the shared <c>-Path</c> (wildcards) and <c>-LiteralPath</c>
/// parameters (deployment spec §10.1) and their resolution to file-system paths.
/// </summary>
public abstract class SpecPathCommand : PSCmdlet
{
    /// <summary>Paths of <c>.ias</c> files or package directories; wildcards are expanded.</summary>
    [Parameter(
        ParameterSetName = ParameterSetNames.Path,
        Mandatory = true,
        Position = 0,
        ValueFromPipeline = true,
        ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>Paths used exactly as written (no wildcard expansion).</summary>
    [Parameter(
        ParameterSetName = ParameterSetNames.LiteralPath,
        Mandatory = true,
        ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP", "SourceFile")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>
    /// True for the cmdlets whose <c>SpecFileNotFound</c> is terminating (every cmdlet but Test, Format and
    /// Get-AgentSpec; deployment spec §10.2).
    /// </summary>
    protected virtual bool MissingFileIsTerminating => false;

    /// <summary>
    /// Resolves the bound <c>-Path</c> or <c>-LiteralPath</c> values, in order, to existing file-system paths. Each
    /// input that resolves to nothing is reported as a <c>SpecFileNotFound</c> error (terminating when
    /// <see cref="MissingFileIsTerminating"/>) and handed to <paramref name="onMissing"/> when its turn comes, so
    /// results stay in input order.
    /// </summary>
    protected IEnumerable<string> ResolveInputPaths(Action<string> onMissing)
    {
        var literal = ParameterSetName == ParameterSetNames.LiteralPath;
        foreach (var input in literal ? LiteralPath : Path)
        {
            var paths = literal ? ResolveLiteral(input) : ResolveWildcard(input);
            if (paths.Count == 0)
            {
                ReportFileNotFound(SpecErrorRecords.FileNotFound(input, innerException: null));
                onMissing(input);
                continue;
            }

            foreach (var path in paths)
            {
                yield return path;
            }
        }
    }

    /// <summary>
    /// Loads the document a resolved path means, or reports why it cannot (the path vanished, or a directory holds
    /// several root candidates) as a non-terminating error and returns null. Spec problems are never reported here:
    /// they are the document's diagnostics.
    /// </summary>
    protected Document? LoadDocument(string path)
    {
        try
        {
            return SpecLoader.LoadFile(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            WriteFileNotFound(path, exception);
        }
        catch (AmbiguousRootException exception)
        {
            WriteRootAmbiguous(exception);
        }

        return null;
    }

    /// <summary>Reports a directory with several root candidates (terminating where a missing file is).</summary>
    protected void WriteRootAmbiguous(AmbiguousRootException exception)
    {
        var record = SpecErrorRecords.RootAmbiguous(exception);
        if (MissingFileIsTerminating)
        {
            ThrowTerminatingError(record);
        }

        WriteError(record);
    }

    /// <summary>Reports a path that vanished or could not be read between resolution and loading.</summary>
    protected void WriteFileNotFound(string path, Exception exception) =>
        ReportFileNotFound(SpecErrorRecords.FileNotFound(path, exception));

    private void ReportFileNotFound(ErrorRecord record)
    {
        if (MissingFileIsTerminating)
        {
            ThrowTerminatingError(record);
        }

        WriteError(record);
    }

    private List<string> ResolveWildcard(string input)
    {
        try
        {
            var providerPaths = GetResolvedProviderPathFromPSPath(input, out var provider);
            return IsFileSystem(provider) ? providerPaths.Where(Exists).ToList() : new List<string>();
        }
        catch (Exception exception) when (IsUnresolvable(exception))
        {
            return new List<string>();
        }
    }

    private List<string> ResolveLiteral(string input)
    {
        try
        {
            var providerPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(input, out var provider, out _);
            return IsFileSystem(provider) && Exists(providerPath) ? new List<string> { providerPath } : new List<string>();
        }
        catch (Exception exception) when (IsUnresolvable(exception))
        {
            return new List<string>();
        }
    }

    /// <summary>Item, drive and provider not found (all SessionStateException), or a malformed path or pattern.</summary>
    private static bool IsUnresolvable(Exception exception) =>
        exception is SessionStateException or PSArgumentException or WildcardPatternException;

    private static bool IsFileSystem(ProviderInfo provider) =>
        string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase);

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);
}
