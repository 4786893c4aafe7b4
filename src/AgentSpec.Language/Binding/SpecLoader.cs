using AgentSpec.Binding;

namespace AgentSpec;

/// <summary>
/// Loads a specification: parses the root file and its local imports and binds them into a <see cref="Document"/>.
/// Spec problems are diagnostics on the document, never exceptions; a missing file is an exception.
/// </summary>
public static class SpecLoader
{
    /// <summary>Loads an <c>.ias</c> file, or a directory's <c>index.ias</c> (else its only <c>.ias</c> file).</summary>
    /// <exception cref="FileNotFoundException">The file or directory does not exist.</exception>
    /// <exception cref="AmbiguousRootException">A directory holds several <c>.ias</c> files and no <c>index.ias</c>.</exception>
    public static Document LoadFile(string path) => LoadFile(path, null);

    /// <summary>
    /// Loads a file with an environment's overrides applied (language spec §6); null means the base document. An
    /// undeclared environment is reported as AS2020 at the root header and the base document is returned.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file or directory does not exist.</exception>
    /// <exception cref="AmbiguousRootException">A directory holds several <c>.ias</c> files and no <c>index.ias</c>.</exception>
    public static Document LoadFile(string path, string? environment)
    {
        var file = ResolveRoot(path);
        var (files, imports) = ImportLoader.LoadFile(file);
        return Finish(DocumentBinder.Bind(files, imports, environment), imports);
    }

    /// <summary>Loads text as if it were the file <paramref name="fileName"/> (imports resolve relative to it).</summary>
    public static Document LoadText(string text, string fileName) => LoadText(text, fileName, null);

    /// <summary>Loads text with an environment's overrides applied; see <see cref="LoadFile(string, string?)"/>.</summary>
    public static Document LoadText(string text, string fileName, string? environment)
    {
        var (files, imports) = ImportLoader.LoadText(text, fileName);
        return Finish(DocumentBinder.Bind(files, imports, environment), imports);
    }

    /// <summary>
    /// Runs the validator, the policy shape rules and the value rules of every other environment's overrides, reports
    /// an unknown selected environment, and gathers every diagnostic in document order.
    /// </summary>
    internal static Document Finish(Document document, IReadOnlyList<ImportInfo> imports)
    {
        Validation.DocumentValidator.Validate(document);
        Resolution.SelectionChecks.Run(document, imports);
        document.Diagnostics = DocumentBinder.Collect(document.SourceFiles);
        return document;
    }

    /// <summary>
    /// The root files a path stands for when each is checked on its own (<c>Test-AgentSpec</c>): a file is itself; a
    /// directory with an <c>index.ias</c> or a single <c>.ias</c> file is one package (that root); any other directory
    /// stands for every <c>.ias</c> file directly in it, each its own root, in ordinal order.
    /// </summary>
    /// <exception cref="FileNotFoundException">The path does not exist, or the directory holds no <c>.ias</c> file.</exception>
    public static IReadOnlyList<string> ResolveRoots(string path)
    {
        try
        {
            return [ResolveRoot(path)];
        }
        catch (AmbiguousRootException)
        {
            return Directory.GetFiles(path, "*.ias").OrderBy(f => f, StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>The root file a path means: the file itself, or a directory's index.ias, else its only .ias file.</summary>
    public static string ResolveRoot(string path)
    {
        if (File.Exists(path))
        {
            return path;
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"cannot find '{path}'", path);
        }

        var index = Path.Combine(path, "index.ias");
        if (File.Exists(index))
        {
            return index;
        }

        var candidates = Directory.GetFiles(path, "*.ias").OrderBy(f => f, StringComparer.Ordinal).ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new FileNotFoundException($"the directory '{path}' holds no .ias file", path),
            _ => throw new AmbiguousRootException(path, candidates.Select(Path.GetFileName).OfType<string>().ToList()),
        };
    }
}
