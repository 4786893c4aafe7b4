using System.Globalization;

namespace AgentSpec.RuntimeModel;

/// <summary>Durations written as strings: a sequence of number+unit parts (<c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>, <c>d</c>), e.g. <c>"1h30m"</c>, <c>"500ms"</c>, <c>"1.5s"</c>.</summary>
public static class DurationText
{
    /// <summary>Parses <paramref name="text"/>; false on anything else (empty, unknown unit, missing number).</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        var total = 0.0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
            if (i == start) return false;
            if (!double.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return false;
            var unitStart = i;
            while (i < s.Length && char.IsAsciiLetter(s[i])) i++;
            var unit = s[unitStart..i];
            double factorMs = unit switch
            {
                "ms" => 1,
                "s" => 1000,
                "m" => 60_000,
                "h" => 3_600_000,
                "d" => 86_400_000,
                _ => -1,
            };
            if (factorMs < 0) return false;
            total += number * factorMs;
        }
        value = TimeSpan.FromMilliseconds(total);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> naming the text.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"invalid duration \"{text}\" (expected e.g. \"500ms\", \"30s\", \"1h30m\")");
}
