using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine;

/// <summary>
/// An apply or destroy between taking the lock and releasing it (deployment spec §6.1): the verified plan is known
/// before <see cref="ExecuteAsync"/> runs, so the caller can confirm it. Disposing releases the lock.
/// </summary>
public sealed class ApplySession : IDisposable
{
    private readonly StateLock _lock;
    private readonly StateSnapshot _state;
    private readonly IReadOnlyDictionary<string, string> _secrets;
    private readonly string? _salt;

    internal ApplySession(StateLock stateLock, StateSnapshot state, Plan plan, string operation, IReadOnlyDictionary<string, string> secrets, Redactor redactor, string? salt)
    {
        _lock = stateLock;
        _state = state;
        Plan = plan;
        Operation = operation;
        _secrets = secrets;
        Redactor = redactor;
        _salt = salt;
    }

    public Plan Plan { get; }

    /// <summary>apply, destroy or restore.</summary>
    public string Operation { get; }

    public Redactor Redactor { get; }

    public string LockId => _lock.Id;

    /// <summary>How the target is reached (<c>-KubeConfig</c>, <c>-Context</c>; default: the environment).</summary>
    public TargetConnection Connection { get; init; } = TargetConnection.Environment;

    public async Task<ApplyReport> ExecuteAsync(ApplyOptions options, IEngineEvents events, CancellationToken cancellation)
    {
        var provider = DeploymentEngine.ProviderFor(Plan.TargetKind, Connection);
        // Deleting process resources needs no runtime; every other target must be reachable before anything is done.
        if (Plan.Changes.Any(c => c.Action is not (ChangeAction.NoOp or ChangeAction.Delete))
            || (Plan.Changes.Any(c => c.Action == ChangeAction.Delete) && Plan.TargetKind != Desired.ProcessResources.Kind))
        {
            provider.Connect();
        }

        var current = provider.CurrentEndpoint();
        if (_state.Document is { } document && document.Targets.TryGetValue(Plan.Target, out var recorded)
            && recorded.Endpoint["host"]?.GetValue<string>() is { } host && current["host"]?.GetValue<string>() is { } here && host != here)
        {
            throw new AgentSpecException(ErrorIds.TargetEndpointChanged, AgentSpecErrorCategory.InvalidOperation,
                $"Target \"{Plan.Target}\" was applied on host {host}; this is host {here}. Nothing was changed.", new { Recorded = host, Current = here })
            {
                RecommendedAction = "Run the operation on the recorded host, or use another state file (-StatePath).",
            };
        }

        var job = new ApplyJob
        {
            Plan = Plan,
            StatePath = _state.Path,
            State = _state,
            Provider = provider,
            Options = options,
            Salt = _salt,
            Context = new ApplyContext
            {
                StateFolder = Path.GetDirectoryName(_state.Path) ?? ".",
                SecretValues = _secrets,
                Plan = Plan,
                Redactor = Redactor,
                Events = events,
                Lineage = _state.Lineage ?? string.Empty,
            },
        };
        return await Applier.RunAsync(job, Operation, cancellation).ConfigureAwait(false);
    }

    public void Dispose() => _lock.Dispose();
}
