using System.Text.Json.Nodes;

namespace AgentSpec.Engine.Providers.Compose;

/// <summary>The default health wait of a compose service (deployment spec §2.4): <c>start_period + 4 × interval</c>, at least 60 s.</summary>
public static class ComposeHealth
{
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(60);

    public static TimeSpan DefaultTimeout(JsonObject? attributes)
    {
        var health = attributes?["service"]?["healthcheck"];
        if (health is null
            || !AgentSpec.RuntimeModel.DurationText.TryParse(health["interval"]?.GetValue<string>(), out var interval)
            || !AgentSpec.RuntimeModel.DurationText.TryParse(health["start_period"]?.GetValue<string>(), out var startPeriod))
        {
            return Minimum;
        }

        var wait = startPeriod + (4 * interval);
        return wait > Minimum ? wait : Minimum;
    }
}
