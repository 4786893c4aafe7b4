using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentSpec;

/// <summary>A CPU quantity as written (<c>"250m"</c>, <c>"1.5"</c>) and in millicores (language spec §3.1).</summary>
public sealed partial class CpuQuantity
{
    private CpuQuantity(string text, long millicores)
    {
        Text = text;
        Millicores = millicores;
    }

    public string Text { get; }

    public long Millicores { get; }

    /// <summary><c>"&lt;n&gt;m"</c> (integer n ≥ 1) or cores (n &gt; 0, at most 3 decimals); null otherwise.</summary>
    public static CpuQuantity? TryParse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var milli = Milli().Match(text);
        if (milli.Success)
        {
            return long.TryParse(milli.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m >= 1
                ? new CpuQuantity(text, m)
                : null;
        }

        if (!Cores().IsMatch(text) || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cores) || cores <= 0)
        {
            return null;
        }

        return new CpuQuantity(text, (long)(cores * 1000m));
    }

    public override string ToString() => Text;

    [GeneratedRegex(@"^(\d+)m$")]
    private static partial Regex Milli();

    [GeneratedRegex(@"^\d+(?:\.\d{1,3})?$")]
    private static partial Regex Cores();
}
