using System.Globalization;
using System.Management.Automation;

namespace AgentSpec.Commands.Engine;

/// <summary>
/// Writes engine events to the cmdlet's streams on the pipeline thread (deployment spec §1.5, §6.2): verbose,
/// warning, information (tagged <c>AgentSpec.*</c> and <c>PSHOST</c>), one parent progress record (id 1) with one
/// child per resource in flight, and each <see cref="ApplyResult"/> as it finishes.
/// </summary>
internal sealed class EngineStreamWriter
{
    private const int ParentId = 1;
    private readonly PSCmdlet _cmdlet;
    private readonly string _activity;
    private readonly Dictionary<string, int> _children = new(StringComparer.Ordinal);
    private readonly List<ApplyResult> _results = new();
    private int _total;
    private int _finished;
    private int _nextChild = ParentId + 1;

    public EngineStreamWriter(PSCmdlet cmdlet, string activity)
    {
        _cmdlet = cmdlet;
        _activity = activity;
    }

    /// <summary>The results written so far, in completion order.</summary>
    public IReadOnlyList<ApplyResult> Results => _results;

    public void Write(EngineMessage message)
    {
        switch (message.Kind)
        {
            case EngineMessageKind.Verbose:
                _cmdlet.WriteVerbose(message.Text);
                break;
            case EngineMessageKind.Warning:
                _cmdlet.WriteWarning(message.Text);
                break;
            case EngineMessageKind.Information:
                Information(message.Text, "AgentSpec.Apply");
                break;
            case EngineMessageKind.Progress:
                Progress(message);
                break;
            case EngineMessageKind.Completed when message.Result is { } result:
                Complete(result);
                break;
        }
    }

    public void Warning(string text) => _cmdlet.WriteWarning(text);

    public void Information(string text, string tag) =>
        _cmdlet.WriteInformation(new InformationRecord(new HostInformationMessage { Message = text }, _cmdlet.MyInvocation.MyCommand?.Name ?? "AgentSpec"), new[] { tag, "PSHOST" });

    /// <summary>Closes every progress record still open.</summary>
    public void CompleteProgress()
    {
        foreach (var (address, id) in _children)
        {
            _cmdlet.WriteProgress(new ProgressRecord(id, address, "done") { ParentActivityId = ParentId, RecordType = ProgressRecordType.Completed });
        }

        _children.Clear();
        if (_total > 0)
        {
            _cmdlet.WriteProgress(new ProgressRecord(ParentId, _activity, "done") { RecordType = ProgressRecordType.Completed });
        }
    }

    private void Progress(EngineMessage message)
    {
        _total = Math.Max(_total, message.Total);
        var status = string.Format(CultureInfo.InvariantCulture, "{0} of {1} resources", _finished, _total);
        var parent = new ProgressRecord(ParentId, _activity, status)
        {
            PercentComplete = _total == 0 ? 0 : Math.Clamp(_finished * 100 / _total, 0, 100),
        };
        _cmdlet.WriteProgress(parent);
        var address = message.Address ?? string.Empty;
        if (!_children.TryGetValue(address, out var id))
        {
            id = _nextChild++;
            _children[address] = id;
        }

        _cmdlet.WriteProgress(new ProgressRecord(id, address, message.Text) { ParentActivityId = ParentId, CurrentOperation = message.Text });
    }

    private void Complete(ApplyResult result)
    {
        _finished++;
        if (_children.Remove(result.Address, out var id))
        {
            _cmdlet.WriteProgress(new ProgressRecord(id, result.Address, result.Status.ToString()) { ParentActivityId = ParentId, RecordType = ProgressRecordType.Completed });
        }

        _results.Add(result);
        _cmdlet.WriteObject(result);
    }
}
