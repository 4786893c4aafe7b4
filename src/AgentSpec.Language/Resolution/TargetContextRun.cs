namespace AgentSpec.Resolution;

/// <summary>
/// Stages 6–8 of the resolution pipeline (deployment spec §2.1) on a loaded, overlaid document: choose the target
/// context, compute the served agents of each deploy in it (AS5022, AS5023) and evaluate the policies (AS4001–AS4003).
/// </summary>
internal sealed class TargetContextRun
{
    private TargetContextRun(Document document, TargetSelection selection)
    {
        Document = document;
        Selection = selection;
    }

    public Document Document { get; }

    public TargetSelection Selection { get; }

    public Dictionary<DeployDeclaration, IReadOnlyList<AgentDeclaration>> Served { get; } = new();

    public List<Diagnostic> Findings { get; } = new();

    public IReadOnlyList<PolicyResult> Policies { get; private set; } = [];

    /// <summary>Runs the stages; <paramref name="requireTarget"/> reports AS5019 when no single deploy can be chosen.</summary>
    public static TargetContextRun Run(Document document, string? target, bool requireTarget)
    {
        var run = new TargetContextRun(document, TargetSelection.Select(document, target));
        if (run.Selection.Problem is { } problem && (requireTarget || target is not null))
        {
            var root = document.SourceFiles.Count > 0 ? document.SourceFiles[0] : null;
            var range = root?.Tree.Root.Header?.Range ?? new SourceRange(new SourcePosition(1, 1), new SourcePosition(1, 1));
            run.Findings.Add(Resolution.Findings.Make("AS5019", new SourceLocation(document.Files.FirstOrDefault() ?? string.Empty, range), problem.Message, problem.Hint));
        }

        foreach (var deploy in run.Selection.Scope)
        {
            var served = ServedAgents.Compute(document, deploy, run.Findings);
            run.Served[deploy] = served;
            if (deploy.Agents is not null)
            {
                ServedAgents.CheckPipelines(document, deploy, served.ToHashSet(), run.Findings);
            }
        }

        run.Policies = new PolicyEvaluator(document, run.Selection.Scope).Evaluate();
        run.Findings.AddRange(run.Policies.SelectMany(p => p.Violations));
        return run;
    }

    /// <summary>The document's diagnostics and this run's findings in the order of language spec §5.1.</summary>
    public IReadOnlyList<Diagnostic> AllDiagnostics() => Resolution.Findings.Order(Document.Files, Document.Diagnostics.Concat(Findings));

    /// <summary>True when an Error other than a policy violation is present (resolution stops, language spec §10.2).</summary>
    public static bool StopsResolution(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Any(d => d.IsError && !d.Code.StartsWith("AS40", StringComparison.Ordinal));
}
