using System.Collections.Concurrent;
using AgentSpec.Runtime.Hosting;
using AgentSpec.Runtime.Logging;

namespace AgentSpec.Runtime.Execution;

/// <summary>
/// Per-process daily and monthly spend of each agent (spec §4.13): periods reset at 00:00 UTC and on the 1st of the
/// month UTC; a WARN at 80 % once per period; exhaustion is checked before an invocation starts.
/// </summary>
public sealed class BudgetTracker
{
    private readonly RuntimeContext _runtime;
    private readonly Func<DateTimeOffset> _clock;
    private readonly ConcurrentDictionary<(string Agent, string Period), Usage> _usage = new();

    public BudgetTracker(RuntimeContext runtime, Func<DateTimeOffset>? clock = null)
    {
        _runtime = runtime;
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    /// <summary>The tracker's clock.</summary>
    public DateTimeOffset Now => _clock();

    /// <summary>The exhausted period (daily first) with its reset time, or null when the agent may run.</summary>
    public (string Period, DateTimeOffset ResetsAt)? Exhausted(ServedAgent agent)
    {
        var now = _clock();
        foreach (var (period, limit) in Limits(agent))
        {
            var usage = Current(agent.Name, period, now);
            if (usage.Spent >= limit) return (period, usage.Start + Length(period, usage.Start));
        }
        return null;
    }

    /// <summary>Adds the cost of one model call.</summary>
    public void Record(ServedAgent agent, string modelId, bool mock, long input, long output, string correlationId)
    {
        var price = PriceTable.Find(modelId, mock);
        if (price is null) return;
        var cost = PriceTable.Cost(price.Value, input, output);
        if (cost <= 0) return;
        _runtime.Metrics.Cost.WithLabels(agent.Name, modelId).Inc(cost);
        var now = _clock();
        foreach (var (period, limit) in Limits(agent))
        {
            var usage = Current(agent.Name, period, now);
            bool warn;
            double ratio;
            lock (usage)
            {
                usage.Spent += cost;
                ratio = usage.Spent / limit;
                warn = ratio >= 0.8 && !usage.Warned;
                if (warn) usage.Warned = true;
            }
            _runtime.Metrics.BudgetUsage.WithLabels(agent.Name, period).Set(ratio);
            if (warn)
            {
                _runtime.Log.Warn("budget warning", new LogField("correlation_id", correlationId), new LogField("agent", agent.Name),
                    new LogField("period", period), new LogField("ratio", Math.Round(ratio, 3)));
            }
        }
    }

    private static IEnumerable<(string, double)> Limits(ServedAgent agent)
    {
        if (agent.Definition.BudgetDaily is double d) yield return ("daily", d);
        if (agent.Definition.BudgetMonthly is double m) yield return ("monthly", m);
    }

    private Usage Current(string agent, string period, DateTimeOffset now)
    {
        var start = period == "daily" ? new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) : new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return _usage.AddOrUpdate((agent, period), _ => new Usage(start), (_, u) => u.Start == start ? u : new Usage(start));
    }

    private static TimeSpan Length(string period, DateTimeOffset start) =>
        period == "daily" ? TimeSpan.FromDays(1) : start.AddMonths(1) - start;

    private sealed class Usage(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;
        public double Spent { get; set; }
        public bool Warned { get; set; }
    }
}
