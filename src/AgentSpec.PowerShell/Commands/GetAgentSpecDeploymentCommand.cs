using System.Management.Automation;
using AgentSpec.Commands.Engine;

namespace AgentSpec.Commands;

/// <summary>
/// <c>Get-AgentSpecDeployment</c> (deployment spec §10.3.7): each recorded target with its live health. An unhealthy
/// target is a warning, never an error.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AgentSpecDeployment")]
[OutputType(typeof(DeploymentStatus))]
public sealed class GetAgentSpecDeploymentCommand : PSCmdlet
{
    /// <summary>Target names; wildcards allowed (default: every target).</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(StateTargetCompleter))]
    public string[]? Target { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StatePath { get; set; }

    /// <summary>A spec file or folder; only used to locate the default state file.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter]
    public SwitchParameter NoHealth { get; set; }

    /// <summary>The kubeconfig context to use (else <c>AGENTSPEC_KUBE_CONTEXT</c>, else the kubeconfig's current-context).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    /// <summary>The kubeconfig file(s) to read, a path list (else <c>KUBECONFIG</c>, else the user default, else in-cluster).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KubeConfig { get; set; }

    protected override void ProcessRecord()
    {
        var state = StateLocator.ForState(this, StatePath, Path);
        try
        {
            if (!File.Exists(state.FullPath))
            {
                WriteError(SpecErrorRecords.From(new AgentSpecException(ErrorIds.StateNotFound, AgentSpecErrorCategory.ObjectNotFound,
                    $"No state file at \"{state.DisplayPath}\": nothing has been deployed from here.", state.FullPath)
                {
                    RecommendedAction = "Pass -StatePath (or -Path) to select the state of the deployment.",
                }));
                return;
            }

            var statuses = EngineFacade.Status(state, EngineCommandSupport.Patterns(Target), checkHealth: !NoHealth, TargetOptions.From(this, Context, KubeConfig));
            foreach (var name in (Target ?? Array.Empty<string>()).Where(t => !WildcardPattern.ContainsWildcardCharacters(t)))
            {
                if (!statuses.Any(s => string.Equals(s.Target, name, StringComparison.OrdinalIgnoreCase)))
                {
                    WriteError(SpecErrorRecords.From(new AgentSpecException(ErrorIds.TargetNotInState, AgentSpecErrorCategory.ObjectNotFound,
                        $"Target \"{name}\" is not recorded in \"{state.DisplayPath}\".", name)));
                }
            }

            foreach (var status in statuses)
            {
                if (!NoHealth && status.Health is not (DeploymentHealth.Healthy or DeploymentHealth.Starting))
                {
                    WriteWarning($"Target \"{status.Target}\" ({status.Kind}) is {status.Health}{(string.IsNullOrEmpty(status.HealthDetail) ? string.Empty : ": " + status.HealthDetail)}.");
                }

                WriteObject(status);
            }
        }
        catch (AgentSpecException exception)
        {
            ThrowTerminatingError(SpecErrorRecords.From(exception));
        }
    }
}
