using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using AgentSpec.Engine.Logs;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;
using global::Docker.DotNet;
using global::Docker.DotNet.Models;

namespace AgentSpec.Engine.Providers.Docker;

/// <summary>
/// Log records of a recorded <c>docker</c> target (deployment spec §7.2): the container logs API with stdout and
/// stderr demultiplexed and timestamps on, each line parsed by <see cref="RuntimeLogParser"/> and redacted with the
/// values of the container's secret environment variables (read from the container itself).
/// </summary>
public sealed class DockerLogs
{
    private readonly DockerClient _client;

    public DockerLogs(DockerClient client) => _client = client;

    public async IAsyncEnumerable<LogRecord> ReadAsync(string name, TargetRecord target, LogContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var record = target.Resources.FirstOrDefault(r => r.Type == DockerResources.ContainerType)
            ?? throw TargetLogs.Unavailable(name, $"Target \"{name}\" has no container recorded; apply it first.");
        var live = await new DockerContainers(_client).FindAsync(record, cancellation).ConfigureAwait(false)
            ?? throw TargetLogs.Unavailable(record.Address, $"The container \"{record.Name}\" of \"{record.Address}\" does not exist; apply the target again.");
        await foreach (var selected in SelectAsync(ContainerRecordsAsync(live, record, context.Query, cancellation), context.Query, cancellation).ConfigureAwait(false))
        {
            yield return selected;
        }
    }

    /// <summary>
    /// One container's records, parsed and redacted with the values of its own secret variables (those named in the
    /// recorded <c>secretEnv</c>); <c>Source</c> = the container name. Unselected: the caller applies the query.
    /// </summary>
    public async IAsyncEnumerable<LogRecord> ContainerRecordsAsync(ContainerInspectResponse live, ResourceRecord record, LogQuery query, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var redactor = RedactorFor(record, live);
        var source = live.Name?.TrimStart('/') is { Length: > 0 } name ? name : record.Name;

        // Docker's own tail is exact only when no agent filter drops records after it.
        var tail = query.Tail > 0 && (query.Agent is null || query.Follow) ? query.Tail.ToString(CultureInfo.InvariantCulture) : "all";
        var parameters = new ContainerLogsParameters
        {
            ShowStdout = true,
            ShowStderr = true,
            Timestamps = true,
            Follow = query.Follow,
            Tail = tail,
            Since = query.Since?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };
        using var stream = await _client.Containers.GetContainerLogsAsync(live.ID, false, parameters, cancellation).ConfigureAwait(false);
        await foreach (var line in ReadLinesAsync(stream, cancellation).ConfigureAwait(false))
        {
            yield return RuntimeLogParser.ParseTimestamped(line.Text, source, line.Stream, redactor);
        }
    }

    /// <summary>
    /// Applies a query to records: without <c>-Follow</c> the existing ones are selected (<see cref="LogQuery.Select"/>);
    /// with it every record passing the since/agent filters is passed on as it comes.
    /// </summary>
    public static async IAsyncEnumerable<LogRecord> SelectAsync(IAsyncEnumerable<LogRecord> records, LogQuery query, [EnumeratorCancellation] CancellationToken cancellation)
    {
        if (!query.Follow)
        {
            foreach (var selected in query.Select(await records.ToListAsync(cancellation).ConfigureAwait(false)))
            {
                yield return selected;
            }

            yield break;
        }

        await foreach (var followed in records.WithCancellation(cancellation).ConfigureAwait(false))
        {
            if (query.Keeps(followed) && (query.Since is not { } since || followed.Time is not { } time || time >= since))
            {
                yield return followed;
            }
        }
    }

    /// <summary>Complete lines per stream (a line split over two frames is joined).</summary>
    private static async IAsyncEnumerable<(string Stream, string Text)> ReadLinesAsync(MultiplexedStream stream, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var buffer = new byte[16 * 1024];
        var pending = new Dictionary<MultiplexedStream.TargetStream, List<byte>>();
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellation).ConfigureAwait(false);
            if (read.EOF)
            {
                break;
            }

            var bytes = pending.TryGetValue(read.Target, out var list) ? list : pending[read.Target] = new List<byte>();
            for (var i = 0; i < read.Count; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    bytes.Add(buffer[i]);
                    continue;
                }

                var text = Encoding.UTF8.GetString(bytes.ToArray()).TrimEnd('\r');
                bytes.Clear();
                if (text.Length > 0)
                {
                    yield return (StreamName(read.Target), text);
                }
            }
        }

        foreach (var (target, rest) in pending.Where(p => p.Value.Count > 0))
        {
            yield return (StreamName(target), Encoding.UTF8.GetString(rest.ToArray()));
        }
    }

    private static string StreamName(MultiplexedStream.TargetStream target) => target == MultiplexedStream.TargetStream.StandardError ? "stderr" : "stdout";

    /// <summary>The values the container really has for its secret variables.</summary>
    private static Redactor RedactorFor(ResourceRecord record, ContainerInspectResponse live)
    {
        var redactor = new Redactor();
        var secretNames = (record.Attributes["secretEnv"] as System.Text.Json.Nodes.JsonObject)?.Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var entry in live.Config?.Env ?? [])
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && secretNames.Contains(entry[..equals]))
            {
                redactor.Register(entry[(equals + 1)..]);
            }
        }

        return redactor;
    }
}
