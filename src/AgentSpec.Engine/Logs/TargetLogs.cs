using System.Runtime.CompilerServices;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Logs;

/// <summary>
/// <c>Get-AgentSpecLog</c> (deployment spec §10.3.13): finds the recorded target, then streams its records from the
/// target's provider (process log file, container logs, pod logs), redacted, oldest first; with
/// <see cref="LogQuery.Follow"/> until cancelled.
/// </summary>
public static class TargetLogs
{
    /// <summary>
    /// Throws <c>StateNotFound</c> or <c>TargetNotInState</c> before the first record; the provider may throw
    /// <c>LogsUnavailable</c> or <c>TargetUnreachable</c> while streaming.
    /// </summary>
    public static IAsyncEnumerable<LogRecord> Read(string statePath, string target, LogQuery query, SecretResolver secrets, TargetConnection? connection, CancellationToken cancellation)
    {
        var state = StateStore.Read(statePath);
        if (state.Document is not { } document)
        {
            throw new AgentSpecException(ErrorIds.StateNotFound, AgentSpecErrorCategory.ObjectNotFound,
                $"No state file at \"{statePath}\": nothing has been deployed from here.", statePath)
            {
                RecommendedAction = "Pass -StatePath (or -Path) to select the state of the deployment.",
            };
        }

        var record = document.Targets.FirstOrDefault(t => string.Equals(t.Key, target, StringComparison.OrdinalIgnoreCase));
        if (record.Value is null)
        {
            var names = document.Targets.Keys.ToList();
            throw new AgentSpecException(ErrorIds.TargetNotInState, AgentSpecErrorCategory.ObjectNotFound,
                $"Target \"{target}\" is not recorded in \"{statePath}\"; recorded: {(names.Count == 0 ? "none" : string.Join(", ", names))}.", target);
        }

        var provider = DeploymentEngine.ProviderFor(record.Value.Kind, connection);
        var context = new LogContext { Query = query, StateFolder = Path.GetDirectoryName(state.Path) ?? ".", Secrets = secrets, Lineage = document.Lineage };
        return Stream(provider, record.Key, record.Value, context, cancellation);
    }

    public static AgentSpecException Unavailable(string address, string message) =>
        new(ErrorIds.LogsUnavailable, AgentSpecErrorCategory.ResourceUnavailable, message, address);

    private static async IAsyncEnumerable<LogRecord> Stream(Apply.ITargetProvider provider, string name, TargetRecord target, LogContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        try
        {
            await foreach (var record in provider.LogsAsync(name, target, context, cancellation).ConfigureAwait(false))
            {
                yield return record;
            }
        }
        finally
        {
            (provider as IDisposable)?.Dispose();
        }
    }
}
