namespace AgentSpec.Validation;

/// <summary>Import lines of every file: aliases unique per file (AS2007), versions ignored for local files (AS3015).</summary>
internal static class ImportRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var file in context.Document.SourceFiles)
        {
            var aliases = new HashSet<string>(StringComparer.Ordinal);
            var package = file.Tree.Root.Header is { Values.Count: > 0 } header ? header.Values[0].Text : string.Empty;
            foreach (var statement in file.Tree.Root.Statements)
            {
                if (statement.Key != "import" || statement.Values.Count == 0)
                {
                    continue;
                }

                if (statement.Modifier("as")?.Value is { } alias && !aliases.Add(alias.Text))
                {
                    file.Diagnostics.Add("AS2007", alias.Range, $"duplicate alias \"{alias.Text}\" in package \"{package}\"", "use another alias");
                }

                var path = statement.Values[0].Text;
                if (statement.Modifier("version")?.Value is { } version && IsLocal(path))
                {
                    file.Diagnostics.Add("AS3015", version.Range, "'version' has no effect on local imports", "remove the version");
                }
            }
        }
    }

    private static bool IsLocal(string path) =>
        path.StartsWith("./", StringComparison.Ordinal) || path.StartsWith("../", StringComparison.Ordinal) ||
        path.StartsWith(".\\", StringComparison.Ordinal) || path.StartsWith("..\\", StringComparison.Ordinal) ||
        path.EndsWith(".ias", StringComparison.Ordinal);
}
