using System.Management.Automation;
using AgentSpec.Commands.Engine;

namespace AgentSpec.Commands;

/// <summary>
/// <c>Unlock-AgentSpecState</c> (deployment spec §10.3.12, §4.5): deletes the state lock when its id matches, or any
/// lock with <c>-Force</c>. The prompt names the holder.
/// </summary>
[Cmdlet(VerbsCommon.Unlock, "AgentSpecState", DefaultParameterSetName = LockIdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(StateLockInfo))]
public sealed class UnlockAgentSpecStateCommand : PSCmdlet
{
    private const string LockIdSet = "LockId";
    private const string ForceSet = "Force";

    [Parameter(ParameterSetName = LockIdSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LockIdCompleter))]
    public string? LockId { get; set; }

    [Parameter(ParameterSetName = ForceSet, Mandatory = true)]
    public SwitchParameter Force { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StatePath { get; set; }

    /// <summary>A spec file or folder; only used to locate the default state file.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var state = StateLocator.ForState(this, StatePath, Path);
        try
        {
            var holder = EngineFacade.LockHolder(state);
            if (holder is null && !File.Exists(state.FullPath + ".lock"))
            {
                WriteError(SpecErrorRecords.From(new AgentSpecException(ErrorIds.LockNotFound, AgentSpecErrorCategory.ObjectNotFound,
                    $"The state \"{state.DisplayPath}\" is not locked.", new StateLockInfo { Path = state.FullPath + ".lock" })));
                return;
            }

            var who = holder is null ? "an unreadable lock" : holder.ToString();
            if (!ShouldProcess($"Remove the lock of \"{state.DisplayPath}\" held by {who}.", $"Remove the lock of \"{state.DisplayPath}\" held by {who}?", "AgentSpec unlock"))
            {
                return;
            }

            var removed = EngineFacade.Unlock(state, LockId, Force);
            if (removed is null)
            {
                WriteError(SpecErrorRecords.From(new AgentSpecException(ErrorIds.LockNotFound, AgentSpecErrorCategory.ObjectNotFound,
                    $"The state \"{state.DisplayPath}\" is not locked.", new StateLockInfo { Path = state.FullPath + ".lock" })));
                return;
            }

            WriteVerbose($"Removed the lock {removed.Id} of \"{state.DisplayPath}\".");
            if (PassThru)
            {
                WriteObject(removed);
            }
        }
        catch (AgentSpecException exception)
        {
            ThrowTerminatingError(SpecErrorRecords.From(exception));
        }
    }
}
