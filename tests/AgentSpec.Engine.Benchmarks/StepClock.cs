using System.Collections.Concurrent;
using AgentSpec.Engine.Apply;

namespace AgentSpec.Engine.Benchmarks;

/// <summary>Engine events that only note when each workload started waiting for health, to split apply time into steps.</summary>
internal sealed class StepClock : IEngineEvents
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _healthWaitStarted = new(StringComparer.Ordinal);

    public void Verbose(string message)
    {
    }

    public void Warning(string message)
    {
    }

    public void Information(string message)
    {
    }

    public void Progress(int completed, int total, string current, string step)
    {
        if (step == "waiting for health")
        {
            _healthWaitStarted.TryAdd(current, DateTimeOffset.UtcNow);
        }
    }

    /// <summary>
    /// Where a stack apply's wall time went (steps overlap, so sums exceed the wall time): per resource type the span
    /// from its first start to its last end (seconds after <paramref name="origin"/>) and the summed step time, and
    /// for workloads the summed health wait.
    /// </summary>
    public string Timeline(IEnumerable<ApplyResult> results, DateTimeOffset origin)
    {
        var parts = new List<string>();
        foreach (var group in results.GroupBy(r => r.Type).OrderBy(g => g.Min(r => r.StartedAt)))
        {
            var first = (group.Min(r => r.StartedAt) - origin).TotalSeconds;
            var last = (group.Max(r => r.StartedAt + r.Duration) - origin).TotalSeconds;
            var (_, container, health) = Split(group.Where(r => r.Type != "Image"));
            var summed = group.Sum(r => r.Duration.TotalSeconds);
            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{group.Count()} × {group.Key} from +{first:F2} to +{last:F2} s (summed {summed:F2} s{(health > 0 ? $", of which up {container:F2} s and health wait {health:F2} s" : string.Empty)})"));
        }

        return string.Join("; ", parts);
    }

    /// <summary>Seconds per step summed over the results: image, container create and start, health wait.</summary>
    public (double Image, double Container, double Health) Split(IEnumerable<ApplyResult> results)
    {
        double image = 0, container = 0, health = 0;
        foreach (var result in results)
        {
            if (result.Type == "Image")
            {
                image += result.Duration.TotalSeconds;
            }
            else if (_healthWaitStarted.TryGetValue(result.Address, out var waiting))
            {
                var created = (waiting - result.StartedAt).TotalSeconds;
                container += created;
                health += result.Duration.TotalSeconds - created;
            }
            else
            {
                container += result.Duration.TotalSeconds;
            }
        }

        return (image, container, health);
    }
}
