using System.Globalization;
using System.Text;

namespace AgentSpec.Engine.Providers.Compose;

/// <summary>The compose forms of deployment spec §7.0: <c>cpus</c> as a decimal, memory in binary units, durations normalised.</summary>
public static class ComposeQuantities
{
    private const long Kibi = 1024L;

    /// <summary>250 → <c>0.25</c>, 1000 → <c>1</c>, 1500 → <c>1.5</c> (exact, no floating point).</summary>
    public static string Cpus(long millicores)
    {
        var whole = (millicores / 1000).ToString(CultureInfo.InvariantCulture);
        var fraction = (millicores % 1000).ToString("000", CultureInfo.InvariantCulture).TrimEnd('0');
        return fraction.Length == 0 ? whole : whole + "." + fraction;
    }

    /// <summary>Bytes divisible by 1024³ → <c>g</c>, by 1024² → <c>m</c>, by 1024 → <c>k</c>, else <c>b</c>.</summary>
    public static string Memory(long bytes) => bytes switch
    {
        _ when bytes % (Kibi * Kibi * Kibi) == 0 => Text(bytes / (Kibi * Kibi * Kibi), "g"),
        _ when bytes % (Kibi * Kibi) == 0 => Text(bytes / (Kibi * Kibi), "m"),
        _ when bytes % Kibi == 0 => Text(bytes / Kibi, "k"),
        _ => Text(bytes, "b"),
    };

    /// <summary>A duration as compose writes it: <c>1h30m</c>, <c>30s</c>, <c>500ms</c>.</summary>
    public static string Duration(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        Append(text, (long)value.TotalHours, "h");
        Append(text, value.Minutes, "m");
        Append(text, value.Seconds, "s");
        Append(text, value.Milliseconds, "ms");
        Append(text, value.Ticks % TimeSpan.TicksPerMillisecond / 10, "us");
        return text.ToString();
    }

    private static void Append(StringBuilder text, long amount, string unit)
    {
        if (amount > 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    private static string Text(long amount, string unit) => amount.ToString(CultureInfo.InvariantCulture) + unit;
}
