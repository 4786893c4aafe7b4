using AgentSpec.Engine.Logs;
using Xunit;

namespace AgentSpec.Engine.Tests;

/// <summary>
/// The merge of several log sources (compose containers, Kubernetes pods): existing records by time, with a time-less
/// line kept after the record before it; followed sources interleaved and stopped when the reader stops.
/// </summary>
public sealed class LogMergeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ExistingRecordsAreOrderedByTimeAndTimelessLinesFollowTheirPredecessor()
    {
        var a = Source(Record("a1", 1), Record("a-continued", null), Record("a3", 3));
        var b = Source(Record("b0", 0), Record("b2", 2));
        var merged = await LogMerge.ByTimeAsync([a, b], CancellationToken.None);
        Assert.Equal(["b0", "a1", "a-continued", "b2", "a3"], merged.Select(r => r.Message));
    }

    [Fact]
    public async Task FollowedSourcesAreInterleavedAndStoppedWithTheReader()
    {
        var stopped = 0;
        async IAsyncEnumerable<LogRecord> Endless(string name, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken stop)
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    yield return Record($"{name}{i}", i);
                    await Task.Delay(10, stop);
                }
            }
            finally
            {
                Interlocked.Increment(ref stopped);
            }
        }

        var seen = new List<string>();
        await foreach (var record in LogMerge.InterleaveAsync([stop => Endless("a", stop), stop => Endless("b", stop)], CancellationToken.None))
        {
            seen.Add(record.Message);
            if (seen.Any(m => m.StartsWith('a')) && seen.Any(m => m.StartsWith('b')) && seen.Count >= 4)
            {
                break;
            }
        }

        // Leaving the loop cancels both sources: their enumerations end.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref stopped) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(2, Volatile.Read(ref stopped));
    }

    private static LogRecord Record(string message, int? second) => new() { Message = message, Time = second is { } s ? T0.AddSeconds(s) : null };

    private static async IAsyncEnumerable<LogRecord> Source(params LogRecord[] records)
    {
        foreach (var record in records)
        {
            await Task.Yield();
            yield return record;
        }
    }
}
