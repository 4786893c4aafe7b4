using AgentSpec.Parsing;

namespace AgentSpec.Binding;

/// <summary>
/// Parses a root file and, depth-first in import order, the local files it imports (spec §4.4): classification of
/// paths (AS2010, AS2011), resolution (AS2008), cycles (AS2009); every file is merged once.
/// </summary>
internal sealed class ImportLoader
{
    private readonly Dictionary<string, SourceFile> byPath = new(StringComparer.Ordinal);
    private readonly List<SourceFile> order = new();
    private readonly List<ImportInfo> imports = new();
    private readonly string rootDirectory;
    private readonly string rootDisplayDirectory;

    private ImportLoader(string rootDirectory, string rootDisplayDirectory)
    {
        this.rootDirectory = rootDirectory;
        this.rootDisplayDirectory = rootDisplayDirectory;
    }

    public static (IReadOnlyList<SourceFile> Files, IReadOnlyList<ImportInfo> Imports) LoadFile(string path)
    {
        var full = Path.GetFullPath(path);
        var loader = new ImportLoader(Path.GetDirectoryName(full) ?? full, Path.GetDirectoryName(path) ?? string.Empty);
        var root = new SourceFile(path, full, SyntaxParser.Parse(File.ReadAllBytes(full), path));
        loader.Visit(root, [full]);
        return (loader.order, loader.imports);
    }

    public static (IReadOnlyList<SourceFile> Files, IReadOnlyList<ImportInfo> Imports) LoadText(string text, string fileName)
    {
        var full = Path.GetFullPath(fileName);
        var loader = new ImportLoader(Path.GetDirectoryName(full) ?? full, Path.GetDirectoryName(fileName) ?? string.Empty);
        var root = new SourceFile(fileName, full, SyntaxParser.Parse(text, fileName));
        loader.Visit(root, [full]);
        return (loader.order, loader.imports);
    }

    private void Visit(SourceFile file, List<string> chain)
    {
        if (file.FullPath is not null)
        {
            byPath[file.FullPath] = file;
        }

        order.Add(file);
        foreach (var statement in file.Tree.Root.Statements.Where(s => s.Key == "import" && s.Values.Count > 0))
        {
            var pathValue = statement.Values[0];
            var written = pathValue.Text;
            var version = statement.Modifier("version")?.Value?.Text;
            var alias = statement.Modifier("as")?.Value?.Text;
            var location = new SourceLocation(file.DisplayName, pathValue.Range);
            if (IsAbsolute(written))
            {
                file.Diagnostics.Add("AS2011", pathValue.Range, "import paths must be relative (\"./…\" or \"../…\")");
                imports.Add(new ImportInfo(written, version, alias, null, location));
                continue;
            }

            if (!IsLocal(written))
            {
                file.Diagnostics.Add("AS2010", pathValue.Range, $"package imports are not supported yet; \"{written}\" is ignored");
                imports.Add(new ImportInfo(written, version, alias, null, location));
                continue;
            }

            if (version is not null && statement.Modifier("version")?.Value is { } versionValue)
            {
                file.Diagnostics.Add("AS3015", versionValue.Range, "'version' has no effect on a local import");
            }

            var directory = file.FullPath is null ? rootDirectory : Path.GetDirectoryName(file.FullPath) ?? rootDirectory;
            var resolved = Resolve(directory, written);
            if (resolved is null)
            {
                file.Diagnostics.Add(
                    "AS2008",
                    pathValue.Range,
                    $"cannot find imported file \"{written}\"",
                    "paths are relative to the importing file");
                imports.Add(new ImportInfo(written, version, alias, null, location));
                continue;
            }

            var display = DisplayName(resolved);
            imports.Add(new ImportInfo(written, version, alias, display, location));
            if (chain.Contains(resolved, StringComparer.Ordinal))
            {
                var cycle = chain.SkipWhile(p => p != resolved).Append(resolved).Select(Relative);
                file.Diagnostics.Add("AS2009", statement.Range, $"import cycle: {string.Join(" -> ", cycle)}");
                continue;
            }

            if (!byPath.TryGetValue(resolved, out var imported))
            {
                imported = new SourceFile(display, resolved, SyntaxParser.Parse(File.ReadAllBytes(resolved), display));
                Visit(imported, [.. chain, resolved]);
            }

            if (alias is not null)
            {
                var reached = new HashSet<SourceFile>();
                Collect(imported, reached);
                file.Aliases[alias] = reached;
            }
        }
    }

    private void Collect(SourceFile file, HashSet<SourceFile> reached)
    {
        if (!reached.Add(file))
        {
            return;
        }

        foreach (var statement in file.Tree.Root.Statements.Where(s => s.Key == "import" && s.Values.Count > 0))
        {
            var directory = Path.GetDirectoryName(file.FullPath) ?? rootDirectory;
            if (IsLocal(statement.Values[0].Text) && Resolve(directory, statement.Values[0].Text) is { } path &&
                byPath.TryGetValue(path, out var next))
            {
                Collect(next, reached);
            }
        }
    }

    private static bool IsAbsolute(string path) =>
        path.StartsWith('/') || path.StartsWith('\\') || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':');

    private static bool IsLocal(string path) =>
        path.StartsWith("./", StringComparison.Ordinal) || path.StartsWith("../", StringComparison.Ordinal) ||
        path.StartsWith(".\\", StringComparison.Ordinal) || path.StartsWith("..\\", StringComparison.Ordinal) ||
        path.EndsWith(".ias", StringComparison.Ordinal);

    private static string? Resolve(string directory, string written)
    {
        var candidate = Path.GetFullPath(Path.Combine(directory, written.Replace('\\', '/')));
        if (File.Exists(candidate))
        {
            return candidate;
        }

        if (File.Exists(candidate + ".ias"))
        {
            return candidate + ".ias";
        }

        var index = Path.Combine(candidate, "index.ias");
        return File.Exists(index) ? index : null;
    }

    private string Relative(string fullPath) => Path.GetRelativePath(rootDirectory, fullPath).Replace('\\', '/');

    private string DisplayName(string fullPath) =>
        Path.Combine(rootDisplayDirectory, Path.GetRelativePath(rootDirectory, fullPath));
}
