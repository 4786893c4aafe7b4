using System.Diagnostics;
using System.Text.Json.Nodes;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Tests;

public class LockTests
{
    [Fact]
    public void SecondHolderWaitsThenFailsNamingTheHolder()
    {
        var state = Path.Combine(TestEnvironment.TempFolder(), StateStore.DefaultFileName);
        using var first = StateLock.Acquire(state, "apply", "dev", TimeSpan.Zero, _ => { }, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<StateLockedException>(() => StateLock.Acquire(state, "apply", "dev", TimeSpan.FromMilliseconds(600), _ => { }, CancellationToken.None));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(500));
        Assert.Equal(ErrorIds.StateLocked, error.ErrorId);
        Assert.Equal(first.Id, error.Lock.Id);
        Assert.Contains($"pid {Environment.ProcessId}", error.Message, StringComparison.Ordinal);
        Assert.Contains("operation apply on dev", error.Message, StringComparison.Ordinal);
        Assert.Contains(first.Id, error.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void ReleaseDeletesTheLockFile()
    {
        var state = Path.Combine(TestEnvironment.TempFolder(), StateStore.DefaultFileName);
        var held = StateLock.Acquire(state, "apply", "dev", TimeSpan.Zero, _ => { }, CancellationToken.None);
        Assert.True(File.Exists(StateLock.LockPathFor(state)));
        held.Dispose();
        Assert.False(File.Exists(StateLock.LockPathFor(state)));
        using var again = StateLock.Acquire(state, "apply", "dev", TimeSpan.Zero, _ => { }, CancellationToken.None);
    }

    [Fact]
    public void LockOfADeadProcessOnThisHostIsBrokenWithAWarning()
    {
        var state = Path.Combine(TestEnvironment.TempFolder(), StateStore.DefaultFileName);
        using var helper = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        var start = helper.StartTime.ToUniversalTime();
        File.WriteAllText(StateLock.LockPathFor(state), new JsonObject
        {
            ["id"] = "dead-lock-id", ["operation"] = "apply", ["target"] = "dev", ["who"] = "someone@here",
            ["hostname"] = Environment.MachineName, ["pid"] = helper.Id,
            ["processStart"] = start.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), ["created"] = "2026-01-01T00:00:00.000Z",
            ["heartbeat"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
        }.ToJsonString());
        Assert.Throws<StateLockedException>(() => StateLock.Acquire(state, "apply", "dev", TimeSpan.Zero, _ => { }, CancellationToken.None));
        helper.Kill();
        helper.WaitForExit();
        var warnings = new List<string>();
        using var taken = StateLock.Acquire(state, "apply", "dev", TimeSpan.FromSeconds(2), warnings.Add, CancellationToken.None);
        Assert.Contains(warnings, w => w.Contains("Broke stale lock dead-lock-id held by someone@here", StringComparison.Ordinal));
    }

    [Fact]
    public void OldHeartbeatAndOldFormatAreStale()
    {
        var old = new StateLockInfo { Id = "x", Hostname = "elsewhere", Pid = 1, Heartbeat = DateTimeOffset.UtcNow.AddMinutes(-3) };
        Assert.True(StateLock.IsStale(old));
        Assert.False(StateLock.IsStale(new StateLockInfo { Id = "x", Hostname = "elsewhere", Pid = 1, Heartbeat = DateTimeOffset.UtcNow }));
        Assert.True(StateLock.IsStale(new StateLockInfo { Hostname = "elsewhere", Pid = 1, Created = DateTimeOffset.UtcNow.AddMinutes(-6) }));
    }

    [Fact]
    public void UnlockChecksTheId()
    {
        var state = Path.Combine(TestEnvironment.TempFolder(), StateStore.DefaultFileName);
        File.WriteAllText(StateLock.LockPathFor(state), "{\"id\":\"abc\",\"hostname\":\"elsewhere\",\"pid\":1}");
        Assert.Equal(ErrorIds.LockIdMismatch, Assert.Throws<AgentSpecException>(() => StateLock.Remove(state, "other", force: false)).ErrorId);
        Assert.Equal("abc", StateLock.Remove(state, "abc", force: false)?.Id);
        Assert.Null(StateLock.Remove(state, "abc", force: false));
    }
}
