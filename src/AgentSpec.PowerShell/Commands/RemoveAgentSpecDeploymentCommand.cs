using System.Management.Automation;
using AgentSpec.Commands.Engine;

namespace AgentSpec.Commands;

/// <summary>
/// <c>Remove-AgentSpecDeployment</c> (deployment spec §10.3.8, §6.6): destroys every recorded resource of a target,
/// from the state alone (no <c>.ias</c> needed). ConfirmImpact High; the prompt shows the destroy plan.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "AgentSpecDeployment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(ApplyResult))]
public sealed class RemoveAgentSpecDeploymentCommand : PSCmdlet
{
    private readonly CancellationTokenSource _stop = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StateTargetCompleter))]
    public string Target { get; set; } = string.Empty;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? StatePath { get; set; }

    /// <summary>A spec file or folder; only used to locate the default state file.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Skips the confirmation unless -Confirm is passed explicitly.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>docker and docker-compose images are kept; only their state entries are removed.</summary>
    [Parameter]
    public SwitchParameter KeepImages { get; set; }

    /// <summary>A Kubernetes namespace that AgentSpec created is kept; only its state entry is removed.</summary>
    [Parameter]
    public SwitchParameter KeepNamespace { get; set; }

    [Parameter]
    public TimeSpan? LockTimeout { get; set; }

    /// <summary>The kubeconfig context to use (else <c>AGENTSPEC_KUBE_CONTEXT</c>, else the kubeconfig's current-context).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    /// <summary>The kubeconfig file(s) to read, a path list (else <c>KUBECONFIG</c>, else the user default, else in-cluster).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KubeConfig { get; set; }

    protected override void BeginProcessing() => ApplyParameters.ValidateLockTimeout(LockTimeout);

    protected override void ProcessRecord()
    {
        var state = StateLocator.ForState(this, StatePath, Path);
        try
        {
            if (ApplyParameters.IsWhatIf(this))
            {
                var plan = EngineFacade.PlanDestroy(state, Target, KeepImages, KeepNamespace);
                ShouldProcess(plan.Render(false), ApplyParameters.WarningText(plan, "Destroy"), "AgentSpec destroy");
                return;
            }

            var writer = new EngineStreamWriter(this, $"AgentSpec destroy: {Target}");
            var settings = new ApplySettings
            {
                LockTimeout = ApplyParameters.LockTimeout(LockTimeout),
                Target = TargetOptions.From(this, Context, KubeConfig),
                KeepImages = KeepImages,
                KeepNamespace = KeepNamespace,
            };
            var outcome = EngineFacade.Apply(null, null, Target, state, new SecretOptions(), settings,
                confirm: p => ApplyParameters.Confirm(this, p, Force, "Destroy", "AgentSpec destroy"), writer, _stop.Token);
            ApplyParameters.Finish(this, outcome);
        }
        catch (AgentSpecException exception)
        {
            ThrowTerminatingError(SpecErrorRecords.From(exception));
        }
    }

    protected override void StopProcessing() => _stop.Cancel();
}
