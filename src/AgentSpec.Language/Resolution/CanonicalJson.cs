using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AgentSpec;

/// <summary>
/// Canonical JSON (deployment spec §3.3), used for every AgentSpec hash and for <c>resolved.json</c>: object keys sorted
/// by UTF-8 byte order at every depth, no whitespace, integers as integers, floats in shortest round-trip form, and
/// the escaping rules of §3.3 (System.Text.Json's encoder is not used).
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical text of a JSON tree (null = <c>null</c>).</summary>
    public static string Write(JsonNode? node)
    {
        var builder = new StringBuilder();
        WriteNode(builder, node);
        return builder.ToString();
    }

    /// <summary><c>sha256:</c> + lowercase hex of SHA-256 over the UTF-8 canonical text.</summary>
    public static string Hash(JsonNode? node) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Write(node))));

    private static void WriteNode(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, Utf8Comparer.Instance))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteString(builder, key);
                    builder.Append(':');
                    WriteNode(builder, value);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    WriteNode(builder, array[i]);
                }

                builder.Append(']');
                break;
            case JsonValue value:
                WriteValue(builder, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder builder, JsonValue value)
    {
        if (value.TryGetValue<string>(out var text))
        {
            WriteString(builder, text);
        }
        else if (value.TryGetValue<bool>(out var flag))
        {
            builder.Append(flag ? "true" : "false");
        }
        else if (value.TryGetValue<long>(out var integer))
        {
            builder.Append(integer.ToString(CultureInfo.InvariantCulture));
        }
        else if (value.TryGetValue<int>(out var small))
        {
            builder.Append(small.ToString(CultureInfo.InvariantCulture));
        }
        else if (value.TryGetValue<double>(out var real))
        {
            builder.Append(FormatDouble(real));
        }
        else
        {
            throw new ArgumentException($"unsupported JSON value {value}", nameof(value));
        }
    }

    /// <summary>Shortest round-trip digits; exponent form only below 1e-6 or from 1e21 (like ECMAScript).</summary>
    internal static string FormatDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentException("JSON has no NaN or infinity", nameof(value));
        }

        if (value == 0)
        {
            return "0";
        }

        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var mantissa = shortest;
        var e = shortest.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = shortest[..e];
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0');
        var leadingZeros = mantissa.Replace(".", string.Empty, StringComparison.Ordinal).Length - digits.Length;
        var point = (dot < 0 ? mantissa.Length : dot) + exponent - leadingZeros; // digits d1d2… × 10^(point - len)
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return "0";
        }

        var sign = value < 0 ? "-" : string.Empty;
        var magnitude = point - 1; // value = d1.d2… × 10^magnitude
        if (magnitude >= 21 || magnitude < -6)
        {
            var fraction = digits.Length > 1 ? "." + digits[1..] : string.Empty;
            return $"{sign}{digits[0]}{fraction}e{(magnitude >= 0 ? "+" : "-")}{Math.Abs(magnitude).ToString(CultureInfo.InvariantCulture)}";
        }

        if (point <= 0)
        {
            return $"{sign}0.{new string('0', -point)}{digits}";
        }

        return point >= digits.Length
            ? $"{sign}{digits}{new string('0', point - digits.Length)}"
            : $"{sign}{digits[..point]}.{digits[point..]}";
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '<': builder.Append("\\u003c"); break;
                case '>': builder.Append("\\u003e"); break;
                case '&': builder.Append("\\u0026"); break;
                case '\u2028': builder.Append("\\u2028"); break;
                case '\u2029': builder.Append("\\u2029"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }

    private sealed class Utf8Comparer : IComparer<string>
    {
        public static readonly Utf8Comparer Instance = new();

        public int Compare(string? x, string? y) =>
            Encoding.UTF8.GetBytes(x ?? string.Empty).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y ?? string.Empty));
    }
}
