using System.Globalization;
using AgentSpec.Syntax;

namespace AgentSpec.Formatting;

/// <summary>Canonical number text (spec §9.4): integers without leading zeros, floats as the shortest plain decimal.</summary>
internal static class NumberText
{
    /// <summary>The canonical integer text, or null when the literal is not an integer in range.</summary>
    public static string? Integer(NumberValueSyntax number)
    {
        var digits = number.Number.Text;
        if (IsCanonicalInteger(digits))
        {
            // Already canonical (the common case): no parsing, no allocation.
            return number.Minus is null || digits == "0" ? digits : number.Text;
        }

        return number.IntegerValue is { } value ? value.ToString(CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The canonical float text, or null when the literal does not give a finite double.</summary>
    public static string? Float(NumberValueSyntax number)
    {
        var digits = number.Number.Text;
        if (IsCanonicalFraction(digits))
        {
            return number.Minus is null ? digits : number.Text;
        }

        if (number.IntegerValue is { } integer)
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }

        return double.TryParse(number.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? Format(value)
            : null;
    }

    /// <summary>Integer text of a string that is an integer literal (<c>"5"</c>, <c>"-3"</c>), else null.</summary>
    public static string? IntegerFromString(string text) =>
        IsNumberLiteral(text, allowFraction: false) &&
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value.ToString(CultureInfo.InvariantCulture)
            : null;

    /// <summary>Float text of a string that is a number literal (<c>"0.30"</c>), else null.</summary>
    public static string? FloatFromString(string text) =>
        IsNumberLiteral(text, allowFraction: true) &&
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? Format(value)
            : null;

    /// <summary>Shortest round-trip decimal text, never in exponent form, without a trailing <c>.0</c>.</summary>
    public static string? Format(double value)
    {
        if (!double.IsFinite(value))
        {
            return null;
        }

        if (value == 0)
        {
            return "0";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOfAny(['E', 'e']);
        return e < 0 ? text : Expand(text[..e], int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    /// <summary>Digits only, no leading zero, at most 18 digits (so the value fits in a long).</summary>
    private static bool IsCanonicalInteger(ReadOnlySpan<char> digits)
    {
        if (digits.Length == 0 || digits.Length > 18 || (digits[0] == '0' && digits.Length > 1))
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>I.F</c> with a canonical integer part, a fraction without trailing zeros and at most 15 significant digits:
    /// such a literal is already the shortest text that round-trips (any two such decimals are different doubles).
    /// </summary>
    private static bool IsCanonicalFraction(string digits)
    {
        var dot = digits.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == digits.Length - 1 || digits[^1] == '0' || !IsCanonicalInteger(digits.AsSpan(0, dot)))
        {
            return false;
        }

        var significant = digits[0] == '0' ? 0 : dot;
        var leading = digits[0] == '0';
        for (var i = dot + 1; i < digits.Length; i++)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                return false;
            }

            if (leading && digits[i] == '0')
            {
                continue;
            }

            leading = false;
            significant++;
        }

        return significant <= 15;
    }

    private static bool IsNumberLiteral(string text, bool allowFraction)
    {
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            digits++;
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] == '.' && allowFraction)
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        return i == text.Length;
    }

    /// <summary>Turns mantissa <c>-1.5</c> and exponent <c>-7</c> into <c>-0.00000015</c>.</summary>
    private static string Expand(string mantissa, int exponent)
    {
        var negative = mantissa.StartsWith('-');
        if (negative)
        {
            mantissa = mantissa[1..];
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        string result;
        if (point <= 0)
        {
            result = "0." + new string('0', -point) + digits;
        }
        else if (point >= digits.Length)
        {
            result = digits + new string('0', point - digits.Length);
        }
        else
        {
            result = digits[..point] + "." + digits[point..];
        }

        if (result.Contains('.', StringComparison.Ordinal))
        {
            result = result.TrimEnd('0').TrimEnd('.');
        }

        return negative ? "-" + result : result;
    }
}
