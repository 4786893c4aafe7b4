using System.Runtime.CompilerServices;
using System.Threading.Channels;
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
            ? Interleave(containers.Select(c => docker.ContainerRecordsAsync(c, record, query, cancellation)).ToList(), cancellation)
            : MergedByTime(containers.Select(c => docker.ContainerRecordsAsync(c, record, query, cancellation)).ToList(), cancellation);
        await foreach (var selected in DockerLogs.SelectAsync(records, query, cancellation).ConfigureAwait(false))
        {
            yield return selected;
        }
    }

    /// <summary>Every container's existing records, ordered by time (stable: records without a time keep their place after the previous one).</summary>
    private static async IAsyncEnumerable<LogRecord> MergedByTime(IReadOnlyList<IAsyncEnumerable<LogRecord>> sources, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var all = new List<(DateTimeOffset Time, int Order, LogRecord Record)>();
        foreach (var source in sources)
        {
            var last = DateTimeOffset.MinValue;
            await foreach (var record in source.WithCancellation(cancellation).ConfigureAwait(false))
            {
                last = record.Time ?? last;
                all.Add((last, all.Count, record));
            }
        }

        foreach (var entry in all.OrderBy(e => e.Time).ThenBy(e => e.Order))
        {
            yield return entry.Record;
        }
    }

    /// <summary>Followed streams of several containers, passed on in arrival order.</summary>
    private static async IAsyncEnumerable<LogRecord> Interleave(IReadOnlyList<IAsyncEnumerable<LogRecord>> sources, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var channel = Channel.CreateUnbounded<LogRecord>(new UnboundedChannelOptions { SingleReader = true });
        var pumps = sources.Select(async source =>
        {
            await foreach (var record in source.WithCancellation(cancellation).ConfigureAwait(false))
            {
                await channel.Writer.WriteAsync(record, cancellation).ConfigureAwait(false);
            }
        }).ToList();
        var completion = Task.WhenAll(pumps).ContinueWith(t => channel.Writer.TryComplete(t.Exception?.GetBaseException()), TaskScheduler.Default);
        await foreach (var record in channel.Reader.ReadAllAsync(cancellation).ConfigureAwait(false))
        {
            yield return record;
        }

        await completion.ConfigureAwait(false);
    }
}
