using AgentSpec.Resolution;

namespace AgentSpec;

/// <summary>
/// Builds the resolved configuration of a specification for one (environment, target) pair (language spec §10.2;
/// deployment spec §2): overlay, target selection and compose stack, served agents, defaults, policies.
/// </summary>
public static class SpecResolver
{
    /// <summary>
    /// Resolves the target context: the <paramref name="target"/> deploy, else the default one, else the only one. Spec
    /// errors (including AS5019 when no target can be chosen) leave <see cref="ResolvedDeployment.Units"/> empty; policy
    /// violations are reported in the result but do not stop resolution.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file or directory does not exist.</exception>
    public static ResolvedDeployment Resolve(string path, string? environment, string? target) =>
        Resolve(SpecLoader.LoadFile(path, environment), target);

    /// <summary>
    /// One resolved deployment per deploy block (<c>-All</c>), in declaration order. Without any deploy block the
    /// result is the one failed resolution that says so (AS5019, <see cref="TargetSelectionException"/>).
    /// </summary>
    public static IReadOnlyList<ResolvedDeployment> ResolveAll(string path, string? environment)
    {
        var document = SpecLoader.LoadFile(path, environment);
        if (document.Deploys.Count == 0)
        {
            return [Resolve(document, null)];
        }

        return document.Deploys.Select(d => d.Name).Distinct(StringComparer.Ordinal)
            .Select(name => Resolve(SpecLoader.LoadFile(path, environment), name))
            .ToList();
    }

    /// <summary>Resolves an already loaded document (the same rules as <see cref="Resolve(string, string?, string?)"/>).</summary>
    public static ResolvedDeployment Resolve(Document document, string? target)
    {
        var run = TargetContextRun.Run(document, target, requireTarget: true);
        var diagnostics = run.AllDiagnostics();
        var selected = run.Selection.Selected;
        var applied = run.Policies.Where(p => p.Applies).Select(p => p.Policy).ToList();
        var units = new List<DeploymentUnit>();
        if (selected is not null && !TargetContextRun.StopsResolution(diagnostics))
        {
            var findings = new List<Diagnostic>();
            var builder = new ConfigurationBuilder(document, findings);
            foreach (var deploy in run.Selection.Scope)
            {
                var served = run.Served[deploy];
                var configuration = builder.Build(deploy, served, applied);
                units.Add(new DeploymentUnit
                {
                    Name = DnsLabel.Of($"{document.Package?.Name}-{deploy.Name}"),
                    Deploy = deploy.Name,
                    Kind = deploy.Kind ?? string.Empty,
                    Settings = configuration.Deploy,
                    ServedAgents = served.Select(a => a.Name).ToList(),
                    Configuration = configuration,
                });
            }

            if (findings.Count > 0)
            {
                diagnostics = Findings.Order(document.Files, diagnostics.Concat(findings));
                units.Clear();
            }
        }

        return new ResolvedDeployment
        {
            Package = document.Package,
            SourceFile = document.SourceFile,
            Environment = document.Environment,
            Target = selected?.Name,
            Kind = selected?.Kind,
            Scope = selected is null ? [] : run.Selection.Scope.Select(d => d.Name).ToList(),
            Units = units,
            PackageDeploys = document.Deploys,
            SecretReferences = units.SelectMany(u => u.Configuration.Secrets).DistinctBy(s => s.Name).ToList(),
            PolicyResults = run.Policies,
            Diagnostics = diagnostics,
            Failure = ResolutionFailure.Of(document, target, run.Selection, diagnostics),
        };
    }
}
