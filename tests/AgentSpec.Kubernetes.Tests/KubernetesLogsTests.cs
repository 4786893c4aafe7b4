using System.Collections.Concurrent;
using AgentSpec.Engine.Logs;
using AgentSpec.Engine.Secrets;

namespace AgentSpec.Kubernetes.Tests;

/// <summary>
/// <c>Get-AgentSpecLog</c> for a kubernetes target against the fake's <c>pods/{name}/log</c> (deployment spec §7.4):
/// the Deployment's pods merged by time with the pod as <c>Source</c>, the unit's Secret values redacted, tail and
/// agent selection, and <c>-Follow</c> delivering a line written after it started until cancelled.
/// </summary>
[Collection(KubernetesEnvironment.Name)]
public sealed class KubernetesLogsTests
{
    private const string Unit = KubernetesTarget.Unit;

    [Fact]
    public async Task PodLogsAreMergedRedactedSelectedAndFollowed()
    {
        await using var target = await KubernetesTarget.StartAsync();
        Assert.Equal("succeeded", (await target.ApplyAsync()).Outcome);
        var store = target.Fake.Store;
        var (pod0, pod1) = (Unit + "-5d8f7-0", Unit + "-5d8f7-1");
        store.AppendPodLog("agents", pod0, """{"timestamp":"2026-12-04T10:00:00Z","level":"info","message":"runtime started","port":8080}""");
        store.AppendPodLog("agents", pod1, $$"""{"timestamp":"2026-12-04T10:00:01Z","level":"warn","message":"provider rejected key {{KubernetesTarget.SecretValue}}","agent":"assistant","correlation_id":"c-1"}""");
        store.AppendPodLog("agents", pod0, "plain text without a time");

        var records = await ReadAsync(target, new LogQuery { Tail = 0 });

        Assert.Equal(3, records.Count);
        Assert.Equal([pod0, pod1, pod0], records.Select(r => r.Source));
        Assert.Equal("runtime started", records[0].Message);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero), records[0].Time);
        Assert.Equal(("warn", "assistant", "c-1"), (records[1].Level, records[1].Agent, records[1].CorrelationId));
        Assert.Equal("provider rejected key ***REDACTED***", records[1].Message);
        Assert.All(records, r => Assert.DoesNotContain(KubernetesTarget.SecretValue, r.Raw, StringComparison.Ordinal));
        Assert.NotNull(records[2].Time); // the API's timestamp stands in for a line without one
        var logRequests = target.Fake.Journal.Where(r => r.Path.EndsWith("/log", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, logRequests.Count); // one per pod of the Deployment (the HPA keeps 3)
        Assert.All(logRequests, r => Assert.Contains("timestamps=true", r.Query, StringComparison.Ordinal));

        Assert.Equal("plain text without a time", Assert.Single(await ReadAsync(target, new LogQuery { Tail = 1 })).Message);
        Assert.Equal(pod1, Assert.Single(await ReadAsync(target, new LogQuery { Tail = 0, Agent = a => a == "assistant" })).Source);

        // -Follow: the existing tail, then a line written afterwards by another pod, until cancelled.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new ConcurrentQueue<LogRecord>();
        var follow = Task.Run(async () =>
        {
            await foreach (var record in TargetLogs.Read(target.StatePath, "production", new LogQuery { Tail = 1, Follow = true }, SecretResolver.Default([]), target.Connection, stop.Token))
            {
                seen.Enqueue(record);
            }
        });
        await WaitAsync(() => seen.Count >= 2);
        store.AppendPodLog("agents", Unit + "-5d8f7-2", """{"level":"info","message":"followed line","agent":"assistant"}""");
        await WaitAsync(() => seen.Any(r => r.Message == "followed line"));
        Assert.Equal(Unit + "-5d8f7-2", seen.Single(r => r.Message == "followed line").Source);
        Assert.False(follow.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => follow);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the expected log record did not arrive within 10 s");
    }

    private static async Task<List<LogRecord>> ReadAsync(KubernetesTarget target, LogQuery query)
    {
        var records = new List<LogRecord>();
        await foreach (var record in TargetLogs.Read(target.StatePath, "production", query, SecretResolver.Default([]), target.Connection, CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }
}
