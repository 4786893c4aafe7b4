using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentSpec.Validation;

/// <summary>Formats of typed string values (spec §3.1): semver, durations, cpu and memory quantities, names.</summary>
internal static partial class ValueFormats
{
    public static bool IsSemver(string text) => Semver().IsMatch(text);

    /// <summary>A duration (<c>500ms</c>, <c>1h30m</c>, <c>1.5s</c>) in milliseconds; null when malformed or not positive.</summary>
    public static double? DurationMilliseconds(string text)
    {
        if (!Duration().IsMatch(text))
        {
            return null;
        }

        double total = 0;
        foreach (Match part in DurationPart().Matches(text))
        {
            var number = double.Parse(part.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            total += number * part.Groups[2].Value switch
            {
                "ms" => 1,
                "s" => 1000,
                "m" => 60_000,
                _ => 3_600_000,
            };
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

    [GeneratedRegex(@"^(?:[0-9]+(?:\.[0-9]+)?(?:ms|s|m|h))+$")]
    private static partial Regex Duration();

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)")]
    private static partial Regex DurationPart();

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
