using System.Diagnostics;
using AgentSpec.Runtime.Conversation;
using AgentSpec.Runtime.Hosting;
using AgentSpec.Runtime.Logging;

namespace AgentSpec.Runtime.Providers;

/// <summary>
/// Makes the model calls of one invocation: retries with backoff (spec §3.5) and the fallback chain of
/// <c>models [...]</c> (§3.6). The first model that succeeds stays current for the rest of the invocation.
/// </summary>
public sealed class ModelCaller
{
    private readonly RuntimeContext _runtime;
    private readonly string _agent;
    private readonly IReadOnlyList<ModelRoute> _chain;
    private int _current;

    public ModelCaller(RuntimeContext runtime, string agent, IReadOnlyList<ModelRoute> chain)
    {
        _runtime = runtime;
        _agent = agent;
        _chain = chain;
    }

    public ModelRoute Current => _chain[_current];

    /// <summary>Models switched to during this invocation, in order.</summary>
    public List<string> FallbacksUsed { get; } = new();

    public async Task<ModelResponse> CallAsync(ModelRequest request, Action<string>? onDelta, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        ProviderException? last = null;
        for (var index = _current; index < _chain.Count; index++)
        {
            var route = _chain[index];
            try
            {
                var response = await CallWithRetriesAsync(route, request, onDelta, deadline, cancellationToken).ConfigureAwait(false);
                if (index != _current)
                {
                    _runtime.Log.Warn("model fallback", new LogField("correlation_id", request.CorrelationId), new LogField("agent", _agent),
                        new LogField("from_model", _chain[_current].ModelId), new LogField("to_model", route.ModelId),
                        new LogField("error", last?.Describe()));
                    _runtime.Metrics.ModelFallbacks.WithLabels(_agent, _chain[_current].ModelId, route.ModelId).Inc();
                    FallbacksUsed.Add(route.ModelId);
                    _current = index;
                }
                return response;
            }
            catch (ProviderException ex)
            {
                last = ex;
                failures.Add($"{route.ModelId}: {ex.Describe()}");
                if (DateTimeOffset.UtcNow >= deadline) break;
            }
        }
        if (last is null) throw new InvalidOperationException("empty model chain");
        if (failures.Count == 1) throw last;
        throw new ProviderException(last.Provider, last.Model, last.Status, "all models failed: " + string.Join("; ", failures));
    }

    private async Task<ModelResponse> CallWithRetriesAsync(ModelRoute route, ModelRequest request, Action<string>? onDelta,
        DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var provider = _runtime.Providers.Get(route.Provider);
        var maxRetries = _runtime.Settings.ProviderRetries;
        for (var attempt = 0; ; attempt++)
        {
            var forwarded = false;
            Action<string>? tracked = onDelta is null ? null : delta => { forwarded = true; onDelta(delta); };
            var watch = Stopwatch.StartNew();
            try
            {
                var response = await provider.CallAsync(route.ModelId, request, tracked, cancellationToken).ConfigureAwait(false);
                Record(route, watch, "success");
                _runtime.Log.Debug("model call", new LogField("correlation_id", request.CorrelationId), new LogField("agent", _agent),
                    new LogField("provider", route.ProviderName), new LogField("model", route.ModelId), new LogField("tokens", response.Usage),
                    new LogField("duration_ms", watch.ElapsedMilliseconds));
                return response;
            }
            catch (ProviderException ex)
            {
                Record(route, watch, "error");
                if (!ex.IsRetryable || attempt >= maxRetries || forwarded) throw;
                var delay = RetryDelay(ex, attempt + 1);
                if (DateTimeOffset.UtcNow + delay >= deadline) throw;
                _runtime.Metrics.ModelRetries.WithLabels(route.ProviderName, route.ModelId, ex.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "network").Inc();
                _runtime.Log.Warn("model call retry", new LogField("correlation_id", request.CorrelationId), new LogField("agent", _agent),
                    new LogField("provider", route.ProviderName), new LogField("model", route.ModelId), new LogField("status", ex.Status),
                    new LogField("attempt", attempt + 1), new LogField("delay_ms", (long)delay.TotalMilliseconds));
                await _runtime.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Record(ModelRoute route, Stopwatch watch, string status)
    {
        _runtime.Metrics.ModelCalls.WithLabels(_agent, route.ProviderName, route.ModelId, status).Inc();
        _runtime.Metrics.ModelCallDuration.WithLabels(route.ProviderName, route.ModelId).Observe(watch.Elapsed.TotalSeconds);
    }

    /// <summary><c>Retry-After</c> (capped 30 s) when given, else base × 2^(n−1) × random[0.5, 1.0] capped at 8 s.</summary>
    private TimeSpan RetryDelay(ProviderException ex, int retry)
    {
        if (ex.RetryAfter is { } after) return after > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : after;
        var ms = _runtime.Settings.ProviderRetryDelay.TotalMilliseconds * Math.Pow(2, retry - 1) * (0.5 + Random.Shared.NextDouble() * 0.5);
        return TimeSpan.FromMilliseconds(Math.Min(ms, 8000));
    }
}
