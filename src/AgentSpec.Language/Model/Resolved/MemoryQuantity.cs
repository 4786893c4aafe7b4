using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentSpec;

/// <summary>A memory quantity as written (<c>"512Mi"</c>, <c>"1G"</c>) and in bytes (language spec §3.1).</summary>
public sealed partial class MemoryQuantity
{
    private const long Mebibyte = 1L << 20;

    private MemoryQuantity(string text, long bytes)
    {
        Text = text;
        Bytes = bytes;
    }

    public string Text { get; }

    public long Bytes { get; }

    /// <summary><c>&lt;n&gt;[unit]</c>, n &gt; 0, unit one of Ki Mi Gi Ti Pi Ei k M G T P E (none = bytes); null otherwise.</summary>
    public static MemoryQuantity? TryParse(string? text)
    {
        var match = text is null ? Match.Empty : Shape().Match(text);
        if (text is null || !match.Success)
        {
            return null;
        }

        var number = decimal.Parse(match.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        decimal multiplier = match.Groups[2].Value switch
        {
            "Ki" => 1L << 10, "Mi" => 1L << 20, "Gi" => 1L << 30, "Ti" => 1L << 40, "Pi" => 1L << 50, "Ei" => 1L << 60,
            "k" => 1_000m, "M" => 1_000_000m, "G" => 1_000_000_000m, "T" => 1_000_000_000_000m, "P" => 1_000_000_000_000_000m,
            "E" => 1_000_000_000_000_000_000m,
            _ => 1m,
        };
        if (number <= 0)
        {
            return null;
        }

        var bytes = Math.Ceiling(number * multiplier);
        return bytes > long.MaxValue ? null : new MemoryQuantity(text, (long)bytes);
    }

    /// <summary>Mebibytes given as a number (inline tool memory written as an integer or digits-only string).</summary>
    internal static MemoryQuantity FromMebibytes(string text, long mebibytes) => new(text, mebibytes * Mebibyte);

    public override string ToString() => Text;

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$")]
    private static partial Regex Shape();
}
