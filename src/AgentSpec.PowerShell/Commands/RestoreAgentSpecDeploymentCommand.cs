using System.Management.Automation;
using AgentSpec.Commands.Engine;

namespace AgentSpec.Commands;

/// <summary>
/// <c>Restore-AgentSpecDeployment</c> (deployment spec §10.3.10, §9.2): rebuilds the desired state from the secret-free
/// snapshot of a history entry (<c>-Serial</c>, or <c>-Previous</c>) with the current tool and current secret values,
/// plans it against the recorded state, asks once (ConfirmImpact High; skipped by <c>-AutoApprove</c>) and applies it
/// like <c>Invoke-AgentSpecApply</c>. History records <c>restore</c> with <c>restoredFrom</c>. No <c>.ias</c> needed.
/// </summary>
[Cmdlet(VerbsData.Restore, "AgentSpecDeployment", DefaultParameterSetName = SerialSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(ApplyResult))]
public sealed class RestoreAgentSpecDeploymentCommand : PSCmdlet
{
    private const string SerialSet = "Serial";
    private const string PreviousSet = "Previous";
    private readonly CancellationTokenSource _stop = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StateTargetCompleter))]
    public string Target { get; set; } = string.Empty;

    /// <summary>The history entry to restore (an apply or restore that still has its snapshot).</summary>
    [Parameter(ParameterSetName = SerialSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [ArgumentCompleter(typeof(SerialCompleter))]
    public long Serial { get; set; }

    /// <summary>Restores the newest successful apply or restore before the current one.</summary>
    [Parameter(ParameterSetName = PreviousSet, Mandatory = true)]
    public SwitchParameter Previous { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? StatePath { get; set; }

    /// <summary>A spec file or folder; only used to locate the default state file.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter]
    [Alias("Force")]
    public SwitchParameter AutoApprove { get; set; }

    [Parameter]
    public TimeSpan? LockTimeout { get; set; }

    [Parameter]
    [ValidateRange(1, 16)]
    public int Parallelism { get; set; } = 4;

    [Parameter]
    public TimeSpan? HealthTimeout { get; set; }

    [Parameter]
    public TimeSpan? OperationTimeout { get; set; }

    [Parameter]
    public SwitchParameter SkipHealthCheck { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SecretVault { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? SecretProvider { get; set; }

    /// <summary>The base image of rebuilt agent images (else <c>AGENTSPEC_BASE_IMAGE</c>, else the .NET runtime-deps image).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? BaseImage { get; set; }

    /// <summary>The kubeconfig context to use (else <c>AGENTSPEC_KUBE_CONTEXT</c>, else the kubeconfig's current-context).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    /// <summary>The kubeconfig file(s) to read, a path list (else <c>KUBECONFIG</c>, else the user default, else in-cluster).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KubeConfig { get; set; }

    protected override void BeginProcessing() => ApplyParameters.ValidateLockTimeout(LockTimeout);

    private TargetOptions Targets() => TargetOptions.From(this, Context, KubeConfig, BaseImage);

    protected override void ProcessRecord()
    {
        var state = StateLocator.ForState(this, StatePath, Path);
        long? serial = Previous ? null : Serial;
        try
        {
            // The snapshot names the secrets; SecretManagement lookups happen here, on the pipeline thread (§8).
            var offline = EngineFacade.PlanRestore(state, Target, serial, new SecretOptions(), noSecrets: true, Targets());
            var secrets = SecretManagementLookup.Prepare(this, EngineCommandSupport.StorePaths(offline), SecretVault, SecretProvider, skip: false);
            if (ApplyParameters.IsWhatIf(this))
            {
                var plan = EngineFacade.PlanRestore(state, Target, serial, secrets, noSecrets: false, Targets());
                if (!plan.HasChanges)
                {
                    WriteInformation(new InformationRecord(new HostInformationMessage { Message = plan.Render(false).TrimEnd() }, "Restore-AgentSpecDeployment"), new[] { "AgentSpec.NoChanges", "PSHOST" });
                    return;
                }

                ShouldProcess(plan.Render(false), ApplyParameters.WarningText(plan, "Restore"), "AgentSpec restore");
                return;
            }

            var writer = new EngineStreamWriter(this, $"AgentSpec restore: {Target} ({offline.TargetKind})");
            var settings = new ApplySettings
            {
                LockTimeout = ApplyParameters.LockTimeout(LockTimeout),
                Parallelism = Parallelism,
                HealthTimeout = HealthTimeout,
                OperationTimeout = OperationTimeout ?? TimeSpan.FromMinutes(10),
                SkipHealthCheck = SkipHealthCheck,
                Target = Targets(),
            };
            var outcome = EngineFacade.Restore(Target, serial, state, secrets, settings,
                confirm: p => ApplyParameters.Confirm(this, p, AutoApprove, "Restore", "AgentSpec restore"), writer, _stop.Token);
            if (outcome.Executed && outcome.Plan.RestoredFrom is { } restored)
            {
                WriteInformation(new InformationRecord(new HostInformationMessage
                {
                    Message = $"Target \"{Target}\" now runs the configuration of history entry {restored}. The specification file was not changed: the next plan from it shows the difference.",
                }, "Restore-AgentSpecDeployment"), new[] { "AgentSpec.Restore", "PSHOST" });
            }

            ApplyParameters.Finish(this, outcome);
        }
        catch (AgentSpecException exception)
        {
            ThrowTerminatingError(SpecErrorRecords.From(exception));
        }
    }

    protected override void StopProcessing() => _stop.Cancel();
}
