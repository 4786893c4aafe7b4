using System.Globalization;

namespace AgentSpec.Runtime.Http;

/// <summary>Formats uptime as <c>[&lt;h&gt;h][&lt;m&gt;m]&lt;s&gt;s</c> (spec §2.5).</summary>
public static class UptimeFormatter
{
    public static string Format(TimeSpan uptime)
    {
        var totalMs = (long)uptime.TotalMilliseconds;
        var hours = totalMs / 3_600_000;
        var minutes = totalMs / 60_000 % 60;
        var seconds = totalMs % 60_000 / 1000.0;
        var s = seconds.ToString("0.###", CultureInfo.InvariantCulture);
        return (hours > 0 ? $"{hours}h" : "") + (hours > 0 || minutes > 0 ? $"{minutes}m" : "") + s + "s";
    }
}
