using System.Management.Automation;
using AgentSpec.Commands.Engine;

namespace AgentSpec.Commands;

/// <summary>
/// <c>Invoke-AgentSpecApply</c> (deployment spec §10.3.6, §6): takes the state lock, resolves every secret, plans
/// (from <c>-Path</c>) or verifies the seal (<c>-Plan</c>, <c>-PlanFile</c>), asks once (ConfirmImpact High; skipped
/// by <c>-AutoApprove</c>), applies in dependency order with progress per resource, and writes one
/// <see cref="ApplyResult"/> per resource. Failed resources become non-terminating errors after the summary.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "AgentSpecApply", DefaultParameterSetName = ParameterSetNames.Path, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(ApplyResult))]
public sealed class InvokeAgentSpecApplyCommand : SpecSelectionCommand
{
    private const string PlanSet = "Plan";
    private const string PlanFileSet = "PlanFile";
    private readonly CancellationTokenSource _stop = new();

    /// <summary>A plan from <c>Get-AgentSpecPlan</c>, executed as sealed.</summary>
    [Parameter(ParameterSetName = PlanSet, Mandatory = true, ValueFromPipeline = true)]
    public Plan? Plan { get; set; }

    /// <summary>A plan file written by <c>Get-AgentSpecPlan -OutFile</c>.</summary>
    [Parameter(ParameterSetName = PlanFileSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? PlanFile { get; set; }

    /// <summary>Reads the live objects first and converges their drift (only where the plan is computed, deployment spec §9.3).</summary>
    [Parameter(ParameterSetName = ParameterSetNames.Path)]
    [Parameter(ParameterSetName = ParameterSetNames.LiteralPath)]
    public SwitchParameter Refresh { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StatePath { get; set; }

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

    /// <summary>The base image of built agent images (else <c>AGENTSPEC_BASE_IMAGE</c>, else the .NET runtime-deps image).</summary>
    [Parameter(ParameterSetName = ParameterSetNames.Path)]
    [Parameter(ParameterSetName = ParameterSetNames.LiteralPath)]
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

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SecretVault { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? SecretProvider { get; set; }

    protected override bool MissingFileIsTerminating => true;

    protected override void BeginProcessing()
    {
        if (ParameterSetName is PlanSet or PlanFileSet)
        {
            ThrowIfBoth(ParameterSetName, nameof(Environment));
            ThrowIfBoth(ParameterSetName, nameof(Target));
        }

        ApplyParameters.ValidateLockTimeout(LockTimeout);
    }

    protected override void ProcessRecord()
    {
        try
        {
            switch (ParameterSetName)
            {
                case PlanSet when Plan is { } plan:
                    ApplyPlan(plan);
                    break;
                case PlanFileSet when PlanFile is { } file:
                    ApplyPlan(EngineCommandSupport.ReadPlanFile(this, file));
                    break;
                default:
                    foreach (var path in ResolveInputPaths(onMissing: _ => { }))
                    {
                        ApplySpec(SpecResolver.Resolve(path, Environment, Target));
                    }

                    break;
            }
        }
        catch (AgentSpecException exception)
        {
            ThrowTerminatingError(SpecErrorRecords.From(exception));
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            ThrowTerminatingError(SpecErrorRecords.FileNotFound(exception.Message, exception));
        }
        catch (AmbiguousRootException exception)
        {
            ThrowTerminatingError(SpecErrorRecords.RootAmbiguous(exception));
        }
    }

    protected override void StopProcessing() => _stop.Cancel();

    private TargetOptions Targets() => TargetOptions.From(this, Context, KubeConfig, BaseImage);

    private void ApplySpec(ResolvedDeployment resolved)
    {
        resolved.ThrowIfFailed();
        var state = StateLocator.ForSpec(this, StatePath, resolved);
        var secrets = SecretManagementLookup.Prepare(this, EngineCommandSupport.StorePaths(resolved), SecretVault, SecretProvider, skip: false);
        if (ApplyParameters.IsWhatIf(this))
        {
            // §6.1 step 1: plan without the lock, show it, change nothing.
            WhatIf(EngineFacade.Plan(resolved, state, secrets, noSecrets: false, Targets(), Refresh));
            return;
        }

        Run(resolved, null, state, secrets);
    }

    private void ApplyPlan(Plan plan)
    {
        var state = StateLocator.ForPlan(this, StatePath, plan);
        if (ApplyParameters.IsWhatIf(this))
        {
            WhatIf(plan);
            return;
        }

        var secrets = SecretManagementLookup.Prepare(this, EngineCommandSupport.StorePaths(plan), SecretVault, SecretProvider, skip: false);
        Run(null, plan, state, secrets);
    }

    private void WhatIf(Plan plan)
    {
        if (!plan.HasChanges)
        {
            WriteInformation(new InformationRecord(new HostInformationMessage { Message = plan.Render(false).TrimEnd() }, "Invoke-AgentSpecApply"), new[] { "AgentSpec.NoChanges", "PSHOST" });
            return;
        }

        ShouldProcess(plan.Render(false), ApplyParameters.WarningText(plan, "Apply"), "AgentSpec apply");
    }

    private void Run(ResolvedDeployment? resolved, Plan? plan, StateLocation state, SecretOptions secrets)
    {
        var target = resolved?.Target ?? plan?.Target ?? string.Empty;
        var kind = resolved?.Kind ?? plan?.TargetKind ?? string.Empty;
        var writer = new EngineStreamWriter(this, $"AgentSpec apply: {target} ({kind})");
        var settings = new ApplySettings
        {
            LockTimeout = ApplyParameters.LockTimeout(LockTimeout),
            Parallelism = Parallelism,
            HealthTimeout = HealthTimeout,
            OperationTimeout = OperationTimeout ?? TimeSpan.FromMinutes(10),
            SkipHealthCheck = SkipHealthCheck,
            Target = Targets(),
            Refresh = Refresh,
        };
        var outcome = EngineFacade.Apply(resolved, plan, null, state, secrets, settings,
            confirm: p => ApplyParameters.Confirm(this, p, AutoApprove, "Apply", "AgentSpec apply"), writer, _stop.Token);
        ApplyParameters.Finish(this, outcome);
    }
}
