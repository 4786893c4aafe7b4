using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentSpec.Validation;

/// <summary>Formats of typed string values (spec §3.1): semver, durations, cpu and memory quantities, names.</summary>
internal static partial class ValueFormats
{
    public static bool IsSemver(string text) => Semver().IsMatch(text);

    /// <summary>A duration (<c>500ms</c>, <c>1h30m</c>, <c>1.5s</c>) in milliseconds; null when malformed or not positive.</summary>
    /// <remarks>
    /// Accepts exactly <c>^(?:[0-9]+(?:\.[0-9]+)?(?:ms|s|m|h))+$</c>, scanned by hand: durations are checked for every
    /// timeout of every agent and skill, and regex matches allocate. Like the pattern's <c>$</c>, one final line
    /// feed is allowed.
    /// </remarks>
    public static double? DurationMilliseconds(string text)
    {
        var length = text.Length > 0 && text[^1] == '\n' ? text.Length - 1 : text.Length;
        if (length == 0)
        {
            return null;
        }

        double total = 0;
        var i = 0;
        while (i < length)
        {
            var start = i;
            while (i < length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                return null;
            }

            if (i + 1 < length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
            {
                i++;
                while (i < length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }

            var number = double.Parse(text.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (i >= length)
            {
                return null;
            }

            double factor;
            switch (text[i])
            {
                case 'm' when i + 1 < length && text[i + 1] == 's':
                    factor = 1;
                    i += 2;
                    break;
                case 's':
                    factor = 1000;
                    i++;
                    break;
                case 'm':
                    factor = 60_000;
                    i++;
                    break;
                case 'h':
                    factor = 3_600_000;
                    i++;
                    break;
                default:
                    return null;
            }

            total += number * factor;
        }

        return total > 0 ? total : null;
    }

    /// <summary>A cpu quantity in millicores: <c>"250m"</c> (n ≥ 1) or cores (<c>"1.5"</c>, n &gt; 0, ≤ 3 decimals).</summary>
    public static double? CpuMillicores(string text)
    {
        var match = Cpu().Match(text);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups[1].Success)
        {
            var milli = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return milli >= 1 ? milli : null;
        }

        var cores = double.Parse(match.Groups[2].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return cores > 0 ? cores * 1000 : null;
    }

    /// <summary>A memory quantity in bytes (<c>128Mi</c>, <c>1Gi</c>, <c>512M</c>, no unit = bytes); null when malformed or not positive.</summary>
    public static double? MemoryBytes(string text)
    {
        var match = Memory().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var number = double.Parse(match.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var factor = match.Groups[2].Value switch
        {
            "" => 1d,
            "k" => 1e3,
            "M" => 1e6,
            "G" => 1e9,
            "T" => 1e12,
            "P" => 1e15,
            "E" => 1e18,
            "Ki" => 1024d,
            "Mi" => Math.Pow(1024, 2),
            "Gi" => Math.Pow(1024, 3),
            "Ti" => Math.Pow(1024, 4),
            "Pi" => Math.Pow(1024, 5),
            _ => Math.Pow(1024, 6),
        };
        var bytes = number * factor;
        return bytes > 0 ? bytes : null;
    }

    /// <summary>An identifier of the form <c>[A-Za-z_][A-Za-z0-9_]*</c> (environment variables, prompt variables).</summary>
    public static bool IsIdentifier(string text) => Identifier().IsMatch(text);

    /// <summary>Declaration names: letters, digits, '-', '_' and '.' (AS3021).</summary>
    public static bool IsSafeName(string text) => SafeName().IsMatch(text);

    /// <summary>An RFC 1123 label of at most 63 characters (Kubernetes namespace).</summary>
    public static bool IsDnsLabel(string text) => text.Length <= 63 && DnsLabel().IsMatch(text);

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$")]
    private static partial Regex Semver();

    [GeneratedRegex(@"^(?:([0-9]+)m|([0-9]+(?:\.[0-9]{1,3})?))$")]
    private static partial Regex Cpu();

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$")]
    private static partial Regex Memory();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex SafeName();

    [GeneratedRegex("^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
