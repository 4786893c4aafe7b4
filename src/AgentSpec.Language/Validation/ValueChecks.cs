using System.Globalization;
using System.Text.RegularExpressions;
using AgentSpec.Diagnostics;

namespace AgentSpec.Validation;

/// <summary>Shared value rules at an attribute's location: enums, ranges, durations, non-empty strings, URLs, patterns.</summary>
internal static partial class ValueChecks
{
    /// <summary>AS3006 when a closed-enum value is not in the listed set.</summary>
    public static bool Enum(ValidationContext context, Declaration declaration, string path, string attribute, string? value, IReadOnlyCollection<string> allowed)
    {
        if (value is null || allowed.Contains(value))
        {
            return true;
        }

        context.ReportAt(
            "AS3006",
            declaration,
            path,
            $"invalid {attribute} \"{value}\" for {ValidationContext.Describe(declaration)}",
            DidYouMean.Hint(value, allowed, "valid values"));
        return false;
    }

    /// <summary>AS3007 when an open-enum value is not one of the known values.</summary>
    public static void OpenEnum(ValidationContext context, Declaration declaration, string path, string attribute, string? value, IReadOnlyCollection<string> known)
    {
        if (value is not null && !known.Contains(value))
        {
            context.ReportAt("AS3007", declaration, path, $"unknown {attribute} \"{value}\"", $"known values: {string.Join(", ", known)}");
        }
    }

    /// <summary>AS3008 <c>'attr' must be RANGE, found V</c> when <paramref name="inRange"/> is false.</summary>
    public static void Range(ValidationContext context, Declaration declaration, string path, string attribute, double? value, bool inRange, string range)
    {
        if (value is { } v && !inRange)
        {
            context.ReportAt("AS3008", declaration, path, $"'{attribute}' must be {range}, found {Number(v)}");
        }
    }

    /// <summary>AS3009 for a malformed or non-positive duration; returns the milliseconds when valid.</summary>
    public static double? Duration(ValidationContext context, Declaration declaration, string path, string attribute, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var milliseconds = ValueFormats.DurationMilliseconds(text);
        if (milliseconds is null)
        {
            context.ReportAt(
                "AS3009",
                declaration,
                path,
                $"invalid duration \"{text}\" for '{attribute}'",
                "a number with ms, s, m or h, e.g. \"30s\" or \"1h30m\"");
        }

        return milliseconds;
    }

    /// <summary>AS3011 for an empty string where a value is required.</summary>
    public static bool NonEmpty(ValidationContext context, Declaration declaration, string path, string attribute, string? text)
    {
        if (text is not null && text.Length == 0)
        {
            context.ReportAt("AS3011", declaration, path, $"'{attribute}' must not be empty");
            return false;
        }

        return true;
    }

    /// <summary>AS3027 unless the value starts with http://, https:// or a {{placeholder}}.</summary>
    public static void Url(ValidationContext context, Declaration declaration, string path, string attribute, string? text)
    {
        if (text is null || UrlStart().IsMatch(text) && !text.EndsWith("://", StringComparison.Ordinal))
        {
            return;
        }

        context.ReportAt("AS3027", declaration, path, $"'{attribute}' must be an absolute http or https URL", "a leading {{placeholder}} is accepted");
    }

    /// <summary>The reason a .NET regular expression does not compile, or null when it does.</summary>
    public static string? RegexError(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (RegexParseException error)
        {
            var message = error.Message;
            var offset = message.IndexOf(" at offset ", StringComparison.Ordinal);
            var detail = offset >= 0 && message.IndexOf(". ", offset, StringComparison.Ordinal) is var dot && dot > 0
                ? message[(dot + 2)..].TrimEnd('.')
                : message;
            return string.Create(CultureInfo.InvariantCulture, $"{detail} (at offset {error.Offset})");
        }
        catch (ArgumentException error)
        {
            return error.Message;
        }
    }

    public static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:https?://|\{\{\s*[A-Za-z_][A-Za-z0-9_.]*\s*\}\})", RegexOptions.IgnoreCase)]
    private static partial Regex UrlStart();
}
