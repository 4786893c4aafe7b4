using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace AgentSpec.Engine.Logs;

/// <summary>
/// Combines the log records of several sources of one target (the containers of a compose service, the pods of a
/// Deployment): their existing records ordered by time, or their followed streams interleaved as records arrive.
/// </summary>
public static class LogMerge
{
    /// <summary>
    /// Every source's records, ordered by time. Stable: a record without a time keeps its place after the previous
    /// record of its source (deployment spec: lines without a time follow the record before them).
    /// </summary>
    public static async Task<List<LogRecord>> ByTimeAsync(IEnumerable<IAsyncEnumerable<LogRecord>> sources, CancellationToken cancellation)
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

        return all.OrderBy(e => e.Time).ThenBy(e => e.Order).Select(e => e.Record).ToList();
    }

    /// <summary>
    /// Followed sources, passed on in arrival order. Each source is started with a token that is cancelled when the
    /// caller stops enumerating (or cancels), so no open log stream outlives the reader.
    /// </summary>
    public static async IAsyncEnumerable<LogRecord> InterleaveAsync(IEnumerable<Func<CancellationToken, IAsyncEnumerable<LogRecord>>> sources, [EnumeratorCancellation] CancellationToken cancellation)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var channel = Channel.CreateUnbounded<LogRecord>(new UnboundedChannelOptions { SingleReader = true });
        var pumps = sources.Select(source => PumpAsync(source(stop.Token), channel.Writer, stop.Token)).ToList();
        _ = Task.WhenAll(pumps).ContinueWith(t => channel.Writer.TryComplete(t.Exception?.InnerException), TaskScheduler.Default);
        try
        {
            await foreach (var record in channel.Reader.ReadAllAsync(cancellation).ConfigureAwait(false))
            {
                yield return record;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }

    private static async Task PumpAsync(IAsyncEnumerable<LogRecord> source, ChannelWriter<LogRecord> writer, CancellationToken cancellation)
    {
        try
        {
            await foreach (var record in source.WithCancellation(cancellation).ConfigureAwait(false))
            {
                await writer.WriteAsync(record, cancellation).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopped by the caller.
        }
    }
}
