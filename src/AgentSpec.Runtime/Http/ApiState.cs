using AgentSpec.Runtime.Execution;
using AgentSpec.Runtime.Health;
using AgentSpec.Runtime.Hosting;
using AgentSpec.Runtime.Security;
using AgentSpec.Runtime.Sessions;

namespace AgentSpec.Runtime.Http;

/// <summary>Everything the HTTP endpoints share in one runtime instance.</summary>
public sealed class ApiState
{
    private int _inflight;

    public required RuntimeContext Runtime { get; init; }
    public required IReadOnlyList<ServedAgent> AgentList { get; init; }
    public required IReadOnlyDictionary<string, ServedAgent> Agents { get; init; }
    public required AgentExecutor Executor { get; init; }
    public required HealthMonitor Health { get; init; }
    public required SessionStore Sessions { get; init; }
    public required ApiKeyAuthenticator Authenticator { get; init; }
    public required string Version { get; init; }
    public RateLimiter? RateLimiter { get; init; }
    public IReadOnlyList<Tools.Mcp.McpConnection> McpServers { get; init; } = [];
    public bool TrustProxy { get; init; }
    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The constant part of the health body (agents, version, spec hash), rendered on first use.</summary>
    public string? HealthFixedJson { get; set; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _invocations = new(StringComparer.Ordinal);

    /// <summary>Set when shutdown was requested: <c>/healthz</c> answers 503 <c>draining</c>.</summary>
    public volatile bool Draining;

    /// <summary>Set when the server stops accepting: new requests answer 503 with <c>Connection: close</c>.</summary>
    public volatile bool Stopping;

    public int Inflight => Volatile.Read(ref _inflight);

    /// <summary>Takes a top-level invocation slot; false at <c>AGENTSPEC_MAX_CONCURRENCY</c>.</summary>
    public bool TryEnterInvocation()
    {
        if (Interlocked.Increment(ref _inflight) > Runtime.Settings.MaxConcurrency)
        {
            Interlocked.Decrement(ref _inflight);
            return false;
        }
        Runtime.Metrics.Inflight.Inc();
        return true;
    }

    public void ExitInvocation()
    {
        Interlocked.Decrement(ref _inflight);
        Runtime.Metrics.Inflight.Dec();
    }

    public void CountInvocation(string agent) => _invocations.AddOrUpdate(agent, 1, (_, n) => n + 1);

    public long Invocations(string agent) => _invocations.TryGetValue(agent, out var n) ? n : 0;
}
