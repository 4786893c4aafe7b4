using System.Runtime.CompilerServices;
using AgentSpec.Engine.Logs;
using AgentSpec.Engine.Providers.Docker;
using AgentSpec.Engine.State;
using global::Docker.DotNet;

namespace AgentSpec.Engine.Providers.Compose;

/// <summary>
/// Log records of a recorded compose deploy (deployment spec §7.3): every container of its service (found by the
/// compose labels, our address and lineage) through the Docker logs API exactly as for the docker target
/// (<see cref="DockerLogs.ContainerRecordsAsync"/>), merged by time; <c>Source</c> = container name. With
/// <c>-Follow</c> the containers' streams are interleaved as lines arrive.
/// </summary>
public sealed class ComposeLogs
{
    private readonly DockerClient _client;

    public ComposeLogs(DockerClient client) => _client = client;

    public async IAsyncEnumerable<LogRecord> ReadAsync(string name, TargetRecord target, LogContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var record = target.Resources.FirstOrDefault(r => r.Type == ComposeResources.ServiceType)
            ?? throw TargetLogs.Unavailable(name, $"Target \"{name}\" has no compose service recorded; apply it first.");
        var project = record.Attributes["project"]?.GetValue<string>() ?? record.Scope ?? target.Stack ?? string.Empty;
        var containers = await new ComposeContainers(_client).ListAsync(project, record.Name, record.Address, context.Lineage, cancellation).ConfigureAwait(false);
        if (containers.Count == 0)
        {
            throw TargetLogs.Unavailable(record.Address, $"The compose service \"{record.Name}\" of project \"{project}\" has no container; apply the target again.");
        }

        var docker = new DockerLogs(_client);
        var query = context.Query;
        var records = query.Follow
            ? LogMerge.InterleaveAsync(containers.Select(c => (Func<CancellationToken, IAsyncEnumerable<LogRecord>>)(stop => docker.ContainerRecordsAsync(c, record, query, stop))), cancellation)
            : (await LogMerge.ByTimeAsync(containers.Select(c => docker.ContainerRecordsAsync(c, record, query, cancellation)), cancellation).ConfigureAwait(false)).ToAsyncEnumerable();
        await foreach (var selected in DockerLogs.SelectAsync(records, query, cancellation).ConfigureAwait(false))
        {
            yield return selected;
        }
    }
}
