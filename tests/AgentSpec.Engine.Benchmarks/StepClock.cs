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
