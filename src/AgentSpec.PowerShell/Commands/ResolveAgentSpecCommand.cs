using System.Management.Automation;

namespace AgentSpec.Commands;

/// <summary>
/// <c>Resolve-AgentSpec</c> (deployment spec §10.3.4): the configuration of a target context after the environment
/// overlay, defaults and policies, without secret values and without contacting any target. Policy violations are
/// warnings and stay in the object's <c>Diagnostics</c>; spec errors stop with <c>SpecInvalid</c>, an unknown
/// environment or target with <c>EnvironmentNotFound</c>, <c>TargetNotFound</c>, <c>NoDeployTargets</c> or
/// <c>TargetAmbiguous</c> (all terminating).
/// </summary>
[Cmdlet(VerbsDiagnostic.Resolve, "AgentSpec", DefaultParameterSetName = ParameterSetNames.Path)]
[OutputType(typeof(ResolvedDeployment))]
public sealed class ResolveAgentSpecCommand : SpecSelectionCommand
{
    private readonly HashSet<Diagnostic> _warned = new();

    /// <summary>Resolves every deploy block (one object each) instead of the target context.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    protected override bool MissingFileIsTerminating => true;

    protected override void BeginProcessing() => ThrowIfBoth(nameof(All), nameof(Target));

    protected override void ProcessRecord()
    {
        foreach (var path in ResolveInputPaths(onMissing: _ => { }))
        {
            foreach (var resolved in Resolve(path))
            {
                try
                {
                    resolved.ThrowIfFailed();
                }
                catch (AgentSpecException exception)
                {
                    ThrowTerminatingError(SpecErrorRecords.From(exception));
                }

                WarnOnce(resolved);
                WriteObject(resolved);
            }
        }
    }

    private IReadOnlyList<ResolvedDeployment> Resolve(string path)
    {
        try
        {
            return All ? SpecResolver.ResolveAll(path, Environment) : new[] { SpecResolver.Resolve(path, Environment, Target) };
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            WriteFileNotFound(path, exception);
        }
        catch (AmbiguousRootException exception)
        {
            WriteRootAmbiguous(exception);
        }

        return Array.Empty<ResolvedDeployment>();
    }

    /// <summary>Policy violations and warning diagnostics on the warning stream, each once per invocation.</summary>
    private void WarnOnce(ResolvedDeployment resolved)
    {
        var currentDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
        var violations = resolved.PolicyResults.SelectMany(result => result.Violations).ToHashSet();
        foreach (var diagnostic in resolved.Diagnostics)
        {
            if ((violations.Contains(diagnostic) || diagnostic.Severity == DiagnosticSeverity.Warning) && _warned.Add(diagnostic))
            {
                WriteWarning(DisplayPath.Of(diagnostic, currentDirectory).ToText());
            }
        }
    }
}
