using System.Globalization;
using System.Management.Automation;
using AgentSpec.Commands.Engine;

namespace AgentSpec.Commands;

/// <summary>
/// <c>Get-AgentSpecLog</c> (deployment spec §10.3.13): the runtime log of a recorded target (process log file,
/// container logs, pod logs) as <see cref="LogRecord"/> objects (or raw lines with <c>-Raw</c>), secret values
/// redacted; <c>-Follow</c> streams new records until Ctrl+C. A missing state, target or log is a non-terminating error.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AgentSpecLog")]
[OutputType(typeof(LogRecord), typeof(string))]
public sealed class GetAgentSpecLogCommand : PSCmdlet
{
    private readonly CancellationTokenSource _stop = new();
    private DateTimeOffset? _since;

    /// <summary>The recorded target whose log is read.</summary>
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

    /// <summary>The last N records (after -Since and -Agent); 0 = all.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int Tail { get; set; } = 200;

    /// <summary>A duration back from now (<c>5m</c>, <c>1h30m</c>) or a date-time.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Since { get; set; }

    /// <summary>Keeps JSON records whose <c>agent</c> field matches (wildcards allowed).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? Agent { get; set; }

    /// <summary>Emits the (redacted) lines as strings instead of records.</summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    /// <summary>After the existing records, streams new ones until Ctrl+C (or the pipeline stops).</summary>
    [Parameter]
    public SwitchParameter Follow { get; set; }

    /// <summary>The kubeconfig context to use (else <c>AGENTSPEC_KUBE_CONTEXT</c>, else the kubeconfig's current-context).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    /// <summary>The kubeconfig file(s) to read, a path list (else <c>KUBECONFIG</c>, else the user default, else in-cluster).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KubeConfig { get; set; }

    protected override void BeginProcessing()
    {
        if (Since is { } since)
        {
            _since = ParseSince(since);
        }
    }

    protected override void ProcessRecord()
    {
        var state = StateLocator.ForState(this, StatePath, Path);
        var agent = Agent is { } pattern ? new WildcardPattern(pattern, WildcardOptions.IgnoreCase) : null;
        try
        {
            var records = EngineFacade.Logs(state, Target, Tail, _since, agent is null ? null : agent.IsMatch, Follow, TargetOptions.From(this, Context, KubeConfig), _stop.Token);
            foreach (var record in records)
            {
                WriteObject(Raw ? record.Raw : record);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Ctrl+C ended -Follow: the records so far were written.
        }
        catch (AgentSpecException exception) when (exception.ErrorId is ErrorIds.StateNotFound or ErrorIds.TargetNotInState or ErrorIds.LogsUnavailable)
        {
            WriteError(SpecErrorRecords.From(exception));
            return;
        }
        catch (AgentSpecException exception)
        {
            ThrowTerminatingError(SpecErrorRecords.From(exception));
        }
    }

    protected override void StopProcessing() => _stop.Cancel();

    private DateTimeOffset ParseSince(string text)
    {
        if (Duration.TryParse(text) is { } duration)
        {
            return DateTimeOffset.UtcNow - duration.Value;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var time)
            || DateTimeOffset.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.AssumeLocal, out time))
        {
            return time;
        }

        ThrowTerminatingError(new ErrorRecord(
            new ArgumentException($"-Since \"{text}\" is neither a duration (such as 5m or 1h30m) nor a date-time."),
            "InvalidSince",
            ErrorCategory.InvalidArgument,
            text));
        return default;
    }
}
