using System.Text;

namespace AgentSpec.Syntax;

/// <summary>Computes string values from literal text (language spec §1.5, §1.6).</summary>
internal static class StringLiteral
{
    public static string DecodeRegular(string text, bool unterminated)
    {
        var end = unterminated ? text.Length : text.Length - 1;
        if (end <= 1)
        {
            return string.Empty;
        }

        if (text.AsSpan(1, end - 1).IndexOfAny('\\', '\r') < 0)
        {
            // No escape and no CRLF to fold: the value is the text between the quotes.
            return text.Substring(1, end - 1);
        }

        var builder = new StringBuilder(end);
        for (var i = 1; i < end; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < end && text[i + 1] == '\n')
            {
                continue;
            }

            if (c == '\\' && i + 1 < end)
            {
                var next = text[i + 1];
                switch (next)
                {
                    case 'n': builder.Append('\n'); i++; continue;
                    case 't': builder.Append('\t'); i++; continue;
                    case '\\': builder.Append('\\'); i++; continue;
                    case '"': builder.Append('"'); i++; continue;
                    default: builder.Append('\\'); continue;
                }
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static string DecodeTriple(string text, bool unterminated)
    {
        var raw = unterminated ? text[3..] : text[3..^3];
        raw = raw.Replace("\r\n", "\n", StringComparison.Ordinal);

        // 1. First line break dropped when the opening delimiter is followed only by blanks.
        var firstBreakDropped = false;
        var k = 0;
        while (k < raw.Length && (raw[k] == ' ' || raw[k] == '\t'))
        {
            k++;
        }

        if (k < raw.Length && raw[k] == '\n')
        {
            raw = raw[(k + 1)..];
            firstBreakDropped = true;
        }

        // 2. Split; drop a last line of blanks (the one holding the closing delimiter).
        var lines = raw.Split('\n').ToList();
        if (lines.Count > 1 && IsBlank(lines[^1]))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        // 3. Common indentation over lines with content (not the first line when it directly follows """).
        string? common = null;
        for (var i = 0; i < lines.Count; i++)
        {
            if ((i == 0 && !firstBreakDropped) || IsBlank(lines[i]))
            {
                continue;
            }

            var indent = LeadingBlanks(lines[i]);
            common = common is null ? indent : CommonPrefix(common, indent);
        }

        common ??= string.Empty;

        // 4. Remove it; blank lines become empty.
        for (var i = 0; i < lines.Count; i++)
        {
            if (IsBlank(lines[i]))
            {
                lines[i] = string.Empty;
                continue;
            }

            if ((i > 0 || firstBreakDropped) && lines[i].StartsWith(common, StringComparison.Ordinal))
            {
                lines[i] = lines[i][common.Length..];
            }
        }

        return string.Join('\n', lines);
    }

    private static bool IsBlank(string line)
    {
        foreach (var c in line)
        {
            if (c != ' ' && c != '\t')
            {
                return false;
            }
        }

        return true;
    }

    private static string LeadingBlanks(string line)
    {
        var n = 0;
        while (n < line.Length && (line[n] == ' ' || line[n] == '\t'))
        {
            n++;
        }

        return line[..n];
    }

    private static string CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return a[..n];
    }
}
