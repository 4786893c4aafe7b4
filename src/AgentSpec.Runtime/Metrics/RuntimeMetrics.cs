using Prometheus;

namespace AgentSpec.Runtime.Metrics;

/// <summary>The metric families of spec §6.3 on a registry owned by one runtime instance (prometheus-net).</summary>
public sealed class RuntimeMetrics
{
    private static readonly double[] DurationBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

    public RuntimeMetrics(string version, string specHash)
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var f = Prometheus.Metrics.WithCustomRegistry(Registry);
        // Families are created in name order: prometheus-net prints them in creation order (spec §6.3 sorts by name).
        AgentFallbacks = f.CreateCounter("agentspec_agent_fallback_total", "Agent fallbacks.", "agent", "to_agent");
        BudgetUsage = f.CreateGauge("agentspec_budget_usage_ratio", "Spend of the current budget period over its limit.", "agent", "period");
        f.CreateGauge("agentspec_build_info", "Runtime build information.", "version", "spec_hash").WithLabels(version, specHash).Set(1);
        Cost = f.CreateCounter("agentspec_cost_dollars_total", "Estimated spend in USD from the built-in price table.", "agent", "model");
        Errors = f.CreateCounter("agentspec_errors_total", "Errors attributable to an agent, by code.", "agent", "code");
        ModelFallbacks = f.CreateCounter("agentspec_fallback_total", "Model fallbacks.", "agent", "from_model", "to_model");
        GuardrailViolations = f.CreateCounter("agentspec_guardrail_violations_total", "Guardrail matches.", "agent", "guardrail", "mode");
        HttpDuration = f.CreateHistogram("agentspec_http_request_duration_seconds", "HTTP request duration.",
            new HistogramConfiguration { LabelNames = ["route", "method"], Buckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120] });
        HttpRequests = f.CreateCounter("agentspec_http_requests_total", "HTTP requests.", "route", "method", "status");
        Inflight = f.CreateGauge("agentspec_inflight_invocations", "Top-level invocations in flight.");
        InvocationDuration = f.CreateHistogram("agentspec_invocation_duration_seconds", "Wall-clock duration of invocations.",
            new HistogramConfiguration { LabelNames = ["agent"], Buckets = DurationBuckets });
        InvocationTurns = f.CreateHistogram("agentspec_invocation_turns", "Model calls per invocation.",
            new HistogramConfiguration { LabelNames = ["agent"], Buckets = [1, 2, 3, 4, 5, 8, 10, 15, 20, 30, 50] });
        Invocations = f.CreateCounter("agentspec_invocations_total", "Agent invocations by final status and source.", "agent", "status", "source");
        ModelCallDuration = f.CreateHistogram("agentspec_model_call_duration_seconds", "Model call duration.",
            new HistogramConfiguration { LabelNames = ["provider", "model"], Buckets = DurationBuckets });
        ModelCalls = f.CreateCounter("agentspec_model_calls_total", "Model calls by outcome.", "agent", "provider", "model", "status");
        ModelRetries = f.CreateCounter("agentspec_model_retries_total", "Model call retries.", "provider", "model", "reason");
        PipelineRuns = f.CreateCounter("agentspec_pipeline_runs_total", "Pipeline runs.", "pipeline", "status");
        PipelineSteps = f.CreateCounter("agentspec_pipeline_steps_total", "Pipeline steps.", "pipeline", "step", "status");
        SessionsActive = f.CreateGauge("agentspec_sessions_active", "Live sessions.", "agent");
        Tokens = f.CreateCounter("agentspec_tokens_total", "Tokens reported by providers.", "agent", "model", "type");
        ToolCallDuration = f.CreateHistogram("agentspec_tool_call_duration_seconds", "Tool call duration.",
            new HistogramConfiguration { LabelNames = ["agent", "tool"], Buckets = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60] });
        ToolCalls = f.CreateCounter("agentspec_tool_calls_total", "Tool calls by outcome.", "agent", "tool", "status");
        // The three standard process series, read at scrape time (no event listeners running in the background).
        var cpu = f.CreateCounter("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.");
        var rss = f.CreateGauge("process_resident_memory_bytes", "Resident memory size in bytes.");
        var start = f.CreateGauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.");
        Registry.AddBeforeCollectCallback(() =>
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            rss.Set(process.WorkingSet64);
            cpu.IncTo(process.TotalProcessorTime.TotalSeconds);
            start.Set(new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0);
        });
    }

    public CollectorRegistry Registry { get; }
    public Counter Invocations { get; }
    public Histogram InvocationDuration { get; }
    public Histogram InvocationTurns { get; }
    public Counter Tokens { get; }
    public Counter ToolCalls { get; }
    public Histogram ToolCallDuration { get; }
    public Counter Errors { get; }
    public Counter ModelCalls { get; }
    public Histogram ModelCallDuration { get; }
    public Counter ModelRetries { get; }
    public Counter ModelFallbacks { get; }
    public Counter AgentFallbacks { get; }
    public Counter HttpRequests { get; }
    public Histogram HttpDuration { get; }
    public Gauge SessionsActive { get; }
    public Gauge Inflight { get; }
    public Counter PipelineRuns { get; }
    public Counter PipelineSteps { get; }
    public Counter GuardrailViolations { get; }
    public Counter Cost { get; }
    public Gauge BudgetUsage { get; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string, int), (Counter.Child, Histogram.Child)> _requestSeries = new();

    /// <summary>Counts one HTTP request (label children are cached per route, method and status).</summary>
    public void ObserveRequest(string route, string method, int status, double seconds)
    {
        var (counter, histogram) = _requestSeries.GetOrAdd((route, method, status), key => (
            HttpRequests.WithLabels(key.Item1, key.Item2, key.Item3.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            HttpDuration.WithLabels(key.Item1, key.Item2)));
        counter.Inc();
        histogram.Observe(seconds);
    }

    /// <summary>Writes the Prometheus text exposition to <paramref name="stream"/>.</summary>
    public Task WriteAsync(Stream stream, CancellationToken cancellationToken) => Registry.CollectAndExportAsTextAsync(stream, cancellationToken);
}
