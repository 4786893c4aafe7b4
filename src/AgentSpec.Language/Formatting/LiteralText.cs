using System.Text;
using AgentSpec.Parsing;
using AgentSpec.Syntax;

namespace AgentSpec.Formatting;

/// <summary>Text rules of printed values (spec §9.4): quoting, bare words, bare paths and patterns, triple strings.</summary>
internal static class LiteralText
{
    /// <summary>Appends <paramref name="value"/> as a regular string literal, escaping what needs it.</summary>
    public static void AppendQuoted(StringBuilder builder, string value)
    {
        builder.Append('"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var escape = value[i] switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ => null,
            };
            if (escape is null)
            {
                continue;
            }

            builder.Append(value, start, i - start).Append(escape);
            start = i + 1;
        }

        builder.Append(value, start, value.Length - start).Append('"');
    }

    /// <summary>True when the text lexes as exactly one WORD (spec §1.9).</summary>
    public static bool IsSingleWord(string text)
    {
        if (text.Length == 0 || !IntentLangTokenizer.IsWordStart(text, 0, out var width))
        {
            return false;
        }

        var i = width;
        while (i < text.Length)
        {
            if (!IntentLangTokenizer.IsWordContinue(text, i, out width))
            {
                return false;
            }

            i += width;
        }

        return true;
    }

    /// <summary>
    /// True when the text can be written as a glued word (spec §1.11): letters, ASCII digits, <c>_</c> and the given
    /// punctuation, with no <c>//</c> (a comment) and no <c>/*</c> (a block comment).
    /// </summary>
    public static bool IsBareGlue(string text, bool wildcards)
    {
        if (text.Length == 0 || text.Contains("//", StringComparison.Ordinal) || text.Contains("/*", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in text)
        {
            var ok = c is (>= '0' and <= '9') or '_' or '/' or '.' or '-' or ':' || char.IsLetter(c) ||
                (wildcards && c is '*' or '?');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The canonical literal of a triple-quoted string (spec §9.4) for a line indented by <paramref name="indent"/>,
    /// or the literal as written (CRLF as LF) when the canonical form would not read back as the same value.
    /// </summary>
    public static string TripleLiteral(SyntaxToken token, string indent)
    {
        var value = token.Value;
        if (value.Length == 0)
        {
            return "\"\"";
        }

        string candidate;
        if (!value.Contains('\n', StringComparison.Ordinal))
        {
            candidate = "\"\"\"" + value + "\"\"\"";
        }
        else
        {
            var builder = new StringBuilder(value.Length + 64);
            builder.Append("\"\"\"\n");
            var start = 0;
            while (true)
            {
                var end = value.IndexOf('\n', start);
                var length = (end < 0 ? value.Length : end) - start;
                if (length > 0)
                {
                    builder.Append(indent).Append("  ").Append(value, start, length);
                }

                builder.Append('\n');
                if (end < 0)
                {
                    break;
                }

                start = end + 1;
            }

            builder.Append(indent).Append("  \"\"\"");
            candidate = builder.ToString();
        }

        if (!token.IsUnterminated && StringLiteral.DecodeTriple(candidate, unterminated: false) == value &&
            candidate.IndexOf("\"\"\"", 3, StringComparison.Ordinal) == candidate.Length - 3)
        {
            return candidate;
        }

        return WithoutCarriageReturns(token.Text);
    }

    /// <summary>A regular string literal as written, with CRLF inside it read as LF (spec §9.4).</summary>
    public static string WithoutCarriageReturns(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal) : text;
}
