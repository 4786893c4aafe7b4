using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentSpec;

/// <summary>A duration as written (<c>"1h30m"</c>) and as a time span (language spec §3.1).</summary>
public sealed partial class Duration
{
    private Duration(string text, TimeSpan value)
    {
        Text = text;
        Value = value;
    }

    /// <summary>The duration exactly as written.</summary>
    public string Text { get; }

    public TimeSpan Value { get; }

    /// <summary>Parses <c>&lt;number&gt;&lt;unit&gt;</c> parts (unit ms, s, m or h; total &gt; 0); null when the text is not a duration.</summary>
    public static Duration? TryParse(string? text)
    {
        if (text is null || !Shape().IsMatch(text))
        {
            return null;
        }

        var total = 0m;
        foreach (Match part in Part().Matches(text))
        {
            var number = decimal.Parse(part.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "ms" => number,
                "s" => number * 1000m,
                "m" => number * 60_000m,
                _ => number * 3_600_000m,
            };
        }

        return total > 0 ? new Duration(text, TimeSpan.FromMilliseconds((double)total)) : null;
    }

    internal static Duration Parse(string text) => TryParse(text) ?? throw new FormatException($"invalid duration \"{text}\"");

    public override string ToString() => Text;

    [GeneratedRegex(@"^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h)")]
    private static partial Regex Part();
}
