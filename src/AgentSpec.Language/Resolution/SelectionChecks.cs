using AgentSpec.Binding;
using AgentSpec.Diagnostics;

namespace AgentSpec.Resolution;

/// <summary>
/// Document-level checks that follow validation (language spec §5.5, §6.3, §6.5): AS2020 for an undeclared selected
/// environment, the policy shape rules AS4004–AS4008, and the value rules of every environment that is not selected,
/// checked on a scratch overlay so that a bad override is reported whether or not its environment is chosen.
/// </summary>
internal static class SelectionChecks
{
    public static void Run(Document document, IReadOnlyList<ImportInfo> imports)
    {
        if (document.SourceFiles.Count == 0)
        {
            return;
        }

        var root = document.SourceFiles[0];
        if (document.Environment is { } selected && document.Environments.All(e => e.Name != selected))
        {
            var header = root.Tree.Root.Header?.Range ?? new SourceRange(new SourcePosition(1, 1), new SourcePosition(1, 1));
            root.Diagnostics.Add(
                "AS2020",
                header,
                $"environment \"{selected}\" is not declared",
                DidYouMean.Hint(selected, document.Environments.Select(e => e.Name).Distinct().ToList(), whenEmpty: "no environment is declared"));
        }

        foreach (var policy in document.Policies)
        {
            PolicyShapeChecker.Check(policy, BagOf(document, policy.File));
        }

        foreach (var environment in document.Environments.DistinctBy(e => e.Name))
        {
            if (environment.Name != document.Environment)
            {
                CheckOverlay(document, imports, environment);
            }
        }
    }

    /// <summary>Binds and validates a scratch copy with the environment selected; keeps value diagnostics inside it.</summary>
    private static void CheckOverlay(Document document, IReadOnlyList<ImportInfo> imports, EnvironmentDeclaration environment)
    {
        var copies = document.SourceFiles.ToDictionary(f => f, f => new SourceFile(f.DisplayName, f.FullPath, f.Tree));
        foreach (var (original, copy) in copies)
        {
            foreach (var (alias, files) in original.Aliases)
            {
                copy.Aliases[alias] = files.Select(f => copies[f]).ToHashSet();
            }
        }

        var scratch = DocumentBinder.Bind(copies.Values.ToList(), imports, environment.Name);
        Validation.DocumentValidator.Validate(scratch);
        var range = environment.Syntax.Range;
        var target = BagOf(document, environment.File);
        foreach (var diagnostic in copies.Values.SelectMany(f => f.Diagnostics.Items))
        {
            if (diagnostic.File == environment.File && diagnostic.Code[2] is '3' or '5' or '6' && Within(diagnostic.Range, range) && !target.Items.Contains(diagnostic))
            {
                target.AddRange([diagnostic]);
            }
        }
    }

    private static bool Within(SourceRange inner, SourceRange outer) =>
        inner.Start.CompareTo(outer.Start) >= 0 && inner.End.CompareTo(outer.End) <= 0;

    private static DiagnosticBag BagOf(Document document, string file) =>
        document.SourceFiles.First(f => f.DisplayName == file).Diagnostics;
}
