using System.Globalization;
using AgentSpec.Engine.Providers.Compose;
using AgentSpec.Engine.Providers.Docker;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;
using global::Docker.DotNet.Models;

namespace AgentSpec.Engine.Logs;

/// <summary>
/// Log records of a recorded compose <c>Service</c> (deployment spec §7.3): every container of the service (found by the
/// compose labels, our address and lineage), read through the Docker logs API with timestamps, stdout and stderr
/// demultiplexed, parsed with <see cref="RuntimeLogParser"/> and redacted, merged by time; <c>Source</c> = container name.
/// Read-only.
/// </summary>
public static class ComposeLogs
{
    public static async Task<IReadOnlyList<LogRecord>> Read(ResourceRecord record, string lineage, LogQuery query, Redactor redactor, CancellationToken cancellation)
    {
        if (record.Type != ComposeResources.ServiceType)
        {
            throw new AgentSpecException(ErrorIds.LogsUnavailable, AgentSpecErrorCategory.ResourceUnavailable,
                $"\"{record.Address}\" is a {record.Type}, not a compose Service; only services have logs.", record.Address);
        }

        using var connection = DockerConnection.Open();
        await connection.ConnectAsync(cancellation).ConfigureAwait(false);
        var project = record.Attributes["project"]?.GetValue<string>() ?? record.Scope ?? string.Empty;
        var containers = await new ComposeContainers(connection.Client).ListAsync(project, record.Name, record.Address, lineage, cancellation).ConfigureAwait(false);
        var lines = new List<(DateTimeOffset Time, int Order, LogRecord Record)>();
        var order = 0;
        foreach (var container in containers)
        {
            var parameters = new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Timestamps = true };
            if (query.Tail > 0)
            {
                parameters.Tail = query.Tail.ToString(CultureInfo.InvariantCulture);
            }

            if (query.Since is { } since)
            {
                parameters.Since = since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            }

            using var stream = await connection.Client.Containers.GetContainerLogsAsync(container.ID, false, parameters, cancellation).ConfigureAwait(false);
            var (stdout, stderr) = await stream.ReadOutputToEndAsync(cancellation).ConfigureAwait(false);
            var source = container.Name.TrimStart('/');
            foreach (var (text, name) in new[] { (stdout, "stdout"), (stderr, "stderr") })
            {
                foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    var (time, rest) = SplitTimestamp(line.TrimEnd('\r'));
                    var parsed = RuntimeLogParser.Parse(rest, source, name, redactor);
                    lines.Add((parsed.Time ?? time ?? DateTimeOffset.MinValue, order++, parsed.Time is null && time is not null ? WithTime(parsed, time.Value) : parsed));
                }
            }
        }

        var merged = lines.OrderBy(l => l.Time).ThenBy(l => l.Order).Select(l => l.Record)
            .Where(r => query.Since is not { } since || r.Time is not { } time || time >= since)
            .Where(r => query.Agent is null || (r.Agent is { } agent && query.Agent(agent)))
            .ToList();
        return query.Tail > 0 && merged.Count > query.Tail ? merged.GetRange(merged.Count - query.Tail, query.Tail) : merged;
    }

    /// <summary>Docker's <c>timestamps=true</c> prefix (RFC 3339 with nanoseconds, then a space) and the line after it.</summary>
    private static (DateTimeOffset? Time, string Text) SplitTimestamp(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return (null, line);
        }

        var stamp = line[..space];
        var dot = stamp.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && stamp.EndsWith('Z'))
        {
            // .NET parses at most 7 fractional digits; Docker writes 9.
            var fraction = stamp[(dot + 1)..^1];
            stamp = stamp[..dot] + "." + fraction[..Math.Min(7, fraction.Length)] + "Z";
        }

        return DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? (time, line[(space + 1)..])
            : (null, line);
    }

    private static LogRecord WithTime(LogRecord record, DateTimeOffset time) => new()
    {
        Time = time,
        Source = record.Source,
        Stream = record.Stream,
        Level = record.Level,
        Message = record.Message,
        CorrelationId = record.CorrelationId,
        Agent = record.Agent,
        Fields = record.Fields,
        Raw = record.Raw,
    };
}
