using System.Management.Automation;
using AgentSpec.Commands.Engine;

namespace AgentSpec.Commands;

/// <summary><c>Get-AgentSpecHistory</c> (deployment spec §10.3.9): the recorded applies, restores and destroys, newest first.</summary>
[Cmdlet(VerbsCommon.Get, "AgentSpecHistory")]
[OutputType(typeof(HistoryEntry))]
public sealed class GetAgentSpecHistoryCommand : PSCmdlet
{
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
    [ValidateRange(1, int.MaxValue)]
    [ArgumentCompleter(typeof(SerialCompleter))]
    public int? Serial { get; set; }

    /// <summary>How many entries (default 20; 0 = all).</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int Last { get; set; } = 20;

    [Parameter]
    public SwitchParameter IncludeSnapshot { get; set; }

    protected override void ProcessRecord()
    {
        var state = StateLocator.ForState(this, StatePath, Path);
        try
        {
            if (!File.Exists(state.FullPath))
            {
                WriteError(SpecErrorRecords.From(new AgentSpecException(ErrorIds.StateNotFound, AgentSpecErrorCategory.ObjectNotFound,
                    $"No state file at \"{state.DisplayPath}\": nothing has been deployed from here.", state.FullPath)));
                return;
            }

            var entries = EngineFacade.History(state, EngineCommandSupport.Patterns(Target), Serial, Last, IncludeSnapshot);
            if (Serial is { } serial && entries.Count == 0)
            {
                WriteError(SpecErrorRecords.From(new AgentSpecException(ErrorIds.HistoryEntryNotFound, AgentSpecErrorCategory.ObjectNotFound,
                    $"The history of \"{state.DisplayPath}\" has no entry with serial {serial}.", serial)));
                return;
            }

            if (Serial is null)
            {
                WriteUnknownTargets(state);
            }

            WriteObject(entries, enumerateCollection: true);
        }
        catch (AgentSpecException exception)
        {
            ThrowTerminatingError(SpecErrorRecords.From(exception));
        }
    }

    /// <summary>
    /// Non-terminating <c>TargetNotInState</c> (spec §10.2) for each name without wildcards that the state neither
    /// records nor has history of (a destroyed target keeps its history and is not reported).
    /// </summary>
    private void WriteUnknownTargets(StateLocation state)
    {
        var names = (Target ?? Array.Empty<string>()).Where(t => !string.IsNullOrEmpty(t) && !WildcardPattern.ContainsWildcardCharacters(t)).ToList();
        if (names.Count == 0)
        {
            return;
        }

        var recorded = EngineFacade.RecordedTargets(state);
        foreach (var name in names.Where(n => !recorded.Contains(n, StringComparer.OrdinalIgnoreCase)))
        {
            if (EngineFacade.History(state, EngineCommandSupport.Patterns([name]), null, 1, false).Count == 0)
            {
                WriteError(SpecErrorRecords.From(new AgentSpecException(ErrorIds.TargetNotInState, AgentSpecErrorCategory.ObjectNotFound,
                    $"Target \"{name}\" is not recorded in \"{state.DisplayPath}\" and has no history there.", name)));
            }
        }
    }
}
