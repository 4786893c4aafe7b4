using System.Text.Json.Nodes;
using AgentSpec.Engine.Logs;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Apply;

/// <summary>
/// One target kind (deployment spec §1.3). Offline members never contact a target; the others run during apply,
/// destroy and status reads. Desired-state building lives beside each provider (e.g. <see cref="Desired.ProcessResources"/>).
/// </summary>
public interface ITargetProvider
{
    string Kind { get; }

    /// <summary>The endpoint identity configured now, read offline (process: <c>{host}</c>).</summary>
    JsonObject CurrentEndpoint();

    /// <summary>Checks that the target can be reached and used (process: the runtime is installed); throws AgentSpecException.</summary>
    void Connect();

    /// <summary>Creates or updates one resource (a replacement's destroy half runs through <see cref="DestroyAsync"/> first).</summary>
    Task<ProviderOutcome> ApplyAsync(ResourceChange change, ApplyContext context, CancellationToken cancellation);

    /// <summary>Deletes one recorded resource after checking it is ours; absent counts as deleted.</summary>
    Task<ProviderOutcome> DestroyAsync(ResourceRecord record, ApplyContext context, CancellationToken cancellation);

    /// <summary>Waits until a workload answers its health check or <paramref name="timeout"/> passes.</summary>
    Task<HealthOutcome> WaitHealthyAsync(ResourceChange change, JsonObject observed, ApplyContext context, TimeSpan timeout, CancellationToken cancellation);

    /// <summary>What is live for a recorded resource now (read-only).</summary>
    LiveResource ReadLive(ResourceRecord record, string stateFolder);

    /// <summary>
    /// The log records of recorded target <paramref name="name"/> (§1.3 <c>Logs</c>): oldest first, redacted, filtered
    /// by <see cref="LogContext.Query"/>; with <c>Follow</c>, new records until <paramref name="cancellation"/> fires.
    /// A kind without logs reports <c>LogsUnavailable</c>.
    /// </summary>
    IAsyncEnumerable<LogRecord> LogsAsync(string name, TargetRecord target, LogContext context, CancellationToken cancellation) =>
        throw TargetLogs.Unavailable(name, $"Logs of \"{Kind}\" targets are not available.");
}
