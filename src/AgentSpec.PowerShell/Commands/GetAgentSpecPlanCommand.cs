using System.Management.Automation;
using System.Text;
using AgentSpec.Commands.Engine;

namespace AgentSpec.Commands;

/// <summary>
/// <c>Get-AgentSpecPlan</c> (deployment spec §10.3.5, §5): what an apply would change, computed offline from the
/// specification and the recorded state. One <see cref="AgentSpec.Plan"/> per input; <c>-OutFile</c> also writes the
/// sealed JSON; <c>-DetailedExitCode</c> sets <c>$global:LASTEXITCODE</c>; <c>-ExpectNoChanges</c> fails with
/// <c>ChangesPresent</c> after writing the plan.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AgentSpecPlan", DefaultParameterSetName = ParameterSetNames.Path)]
[OutputType(typeof(Plan))]
public sealed class GetAgentSpecPlanCommand : SpecSelectionCommand
{
    /// <summary>A resolved deployment from <c>Resolve-AgentSpec</c>.</summary>
    [Parameter(ParameterSetName = ParameterSetNames.InputObject, Mandatory = true, ValueFromPipeline = true)]
    public ResolvedDeployment? InputObject { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StatePath { get; set; }

    /// <summary>Reads the live objects of the recorded resources and plans their drift (deployment spec §9.3).</summary>
    [Parameter]
    public SwitchParameter Refresh { get; set; }

    /// <summary>Plans the deletion of the recorded target instead.</summary>
    [Parameter]
    public SwitchParameter Destroy { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    [Parameter]
    public SwitchParameter DetailedExitCode { get; set; }

    [Parameter]
    public SwitchParameter ExpectNoChanges { get; set; }

    [Parameter]
    public SwitchParameter NoSecrets { get; set; }

    /// <summary>The base image of built agent images (else <c>AGENTSPEC_BASE_IMAGE</c>, else the .NET runtime-deps image).</summary>
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

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SecretVault { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? SecretProvider { get; set; }

    protected override bool MissingFileIsTerminating => true;

    protected override void ProcessRecord()
    {
        try
        {
            if (InputObject is { } resolved)
            {
                // A resolved deployment already has its environment and target.
                ThrowIfBoth(nameof(InputObject), nameof(Environment));
                ThrowIfBoth(nameof(InputObject), nameof(Target));
                PlanOne(resolved);
                return;
            }

            foreach (var path in ResolveInputPaths(onMissing: _ => { }))
            {
                PlanOne(SpecResolver.Resolve(path, Environment, Target));
            }
        }
        catch (AgentSpecException exception)
        {
            Fail(SpecErrorRecords.From(exception));
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            Fail(SpecErrorRecords.FileNotFound(exception.Message, exception));
        }
        catch (AmbiguousRootException exception)
        {
            Fail(SpecErrorRecords.RootAmbiguous(exception));
        }
    }

    private void PlanOne(ResolvedDeployment resolved)
    {
        resolved.ThrowIfFailed();
        var state = StateLocator.ForSpec(this, StatePath, resolved);
        Plan plan;
        if (Destroy)
        {
            plan = EngineFacade.PlanDestroy(state, resolved.Target ?? string.Empty);
        }
        else
        {
            var secrets = SecretManagementLookup.Prepare(this, EngineCommandSupport.StorePaths(resolved), SecretVault, SecretProvider, skip: NoSecrets);
            plan = EngineFacade.Plan(resolved, state, secrets, NoSecrets, TargetOptions.From(this, Context, KubeConfig, BaseImage), Refresh);
        }

        if (!string.IsNullOrEmpty(OutFile))
        {
            var file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile);
            File.WriteAllText(file, plan.ToJson(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            plan.IsSaved = true;
            WriteVerbose($"Plan saved to {DisplayPath.Of(file, SessionState.Path.CurrentFileSystemLocation.ProviderPath)}.");
        }

        WriteDiagnostics(plan);
        if (DetailedExitCode)
        {
            SetExitCode(plan.HasChanges || plan.HasDrift ? 2 : 0);
        }

        WriteObject(plan);
        if (ExpectNoChanges && (plan.HasChanges || plan.HasDrift))
        {
            var changed = plan.Changes.Where(c => c.Action != ChangeAction.NoOp).Select(c => $"{c.Address} ({c.Action.ToString().ToLowerInvariant()})");
            var exception = new AgentSpecException(ErrorIds.ChangesPresent, AgentSpecErrorCategory.InvalidResult,
                $"Changes are present for target \"{plan.Target}\" ({plan.TargetKind}): {string.Join(", ", changed)}.", plan)
            {
                RecommendedAction = "Review the plan; apply it with Invoke-AgentSpecApply, or bring the specification back in line.",
            };
            Fail(SpecErrorRecords.From(exception));
        }
    }

    /// <summary>Warnings on the warning stream, other diagnostics on the information stream (deployment spec §10.1).</summary>
    private void WriteDiagnostics(Plan plan)
    {
        var current = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
        foreach (var diagnostic in plan.Diagnostics)
        {
            var text = DisplayPath.Of(diagnostic, current).ToText();
            if (diagnostic.Severity == DiagnosticSeverity.Warning)
            {
                WriteWarning(text);
            }
            else
            {
                WriteInformation(new InformationRecord(new HostInformationMessage { Message = text }, "Get-AgentSpecPlan"), new[] { "AgentSpec.Diagnostic", "PSHOST" });
            }
        }
    }

    private void Fail(ErrorRecord record)
    {
        if (DetailedExitCode && record.FullyQualifiedErrorId != ErrorIds.ChangesPresent)
        {
            SetExitCode(1);
        }

        ThrowTerminatingError(record);
    }

    /// <summary><c>$global:LASTEXITCODE</c>: 0 no changes, 2 changes, 1 failed (deployment spec §5.4).</summary>
    private void SetExitCode(int code) => SessionState.PSVariable.Set("global:LASTEXITCODE", code);
}
