using AgentSpec.Diagnostics;
using AgentSpec.Syntax;
using AgentSpec.Text;

namespace AgentSpec.Parsing;

/// <summary>
/// Turns source text into the parser's token array (words, strings, punctuation, NL and a final end-of-file token),
/// with trivia attached as leading trivia and lexical diagnostics AS1001–AS1007 reported once each (spec §1).
/// </summary>
internal static class Lexer
{
    public static ChunkedList<SyntaxToken> Lex(SourceText source, DiagnosticBag diagnostics)
    {
        var text = source.Text;
        var tokens = new ChunkedList<SyntaxToken>(text.Length / 5 + 1);
        var words = new HashSet<string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var triviaStart = 0;
        var invalidBytes = source.InvalidByteOffsets.Count == 0 ? null : new HashSet<int>(source.InvalidByteOffsets);
        foreach (var offset in source.InvalidByteOffsets)
        {
            diagnostics.Add("AS1001", source.GetRange(offset, offset + 1), "invalid UTF-8 byte sequence", "save the file as UTF-8");
        }

        var start = 0;
        var commentBefore = false;
        while (start < text.Length)
        {
            var kind = IntentLangTokenizer.Scan(text, start, text.Length, out var end);
            if (kind == TokenKind.UnterminatedString || kind == TokenKind.String)
            {
                ReportUnknownEscapes(source, start, end, kind == TokenKind.UnterminatedString, diagnostics);
            }

            switch (kind)
            {
                case TokenKind.Whitespace:
                    start = end;
                    continue;
                case TokenKind.Comment:
                    commentBefore = true;
                    start = end;
                    continue;
                case TokenKind.BlockComment:
                    diagnostics.Add("AS1007", source.GetRange(start, start + 2), "block comments are not supported", "use '#' or '//' for comments");
                    start = end;
                    continue;
                case TokenKind.BadCharacter:
                    var bad = text[start..end];
                    if (invalidBytes is null || !invalidBytes.Contains(start))
                    {
                        diagnostics.Add("AS1002", source.GetRange(start, end), $"unexpected character '{bad}'", HintForCharacter(bad));
                    }

                    start = end;
                    continue;
            }

            var unterminated = false;
            if (kind == TokenKind.UnterminatedString)
            {
                diagnostics.Add("AS1003", source.GetRange(start, start + 1), "unterminated string", "add the closing '\"'");
                kind = TokenKind.String;
                unterminated = true;
            }
            else if (kind == TokenKind.UnterminatedTripleString)
            {
                diagnostics.Add("AS1004", source.GetRange(start, start + 3), "unterminated triple-quoted string", "close it with '\"\"\"'");
                kind = TokenKind.TripleString;
                unterminated = true;
            }

            var tokenText = kind == TokenKind.Word ? Intern(words, text, start, end) : Slice(text, start, end);
            tokens.Add(new SyntaxToken(kind, tokenText, start, source, triviaStart, unterminated, commentBefore));
            start = end;
            triviaStart = end;
            commentBefore = false;
        }

        tokens.Add(new SyntaxToken(TokenKind.EndOfFile, string.Empty, text.Length, source, triviaStart, false, commentBefore));
        return tokens;
    }

    /// <summary>Token text; short runs of spaces and single punctuation share cached strings.</summary>
    private static string Slice(string text, int start, int end)
    {
        var length = end - start;
        if (length == 1)
        {
            var c = text[start];
            return c < 128 ? AsciiStrings[c] : text.Substring(start, 1);
        }

        if (length <= Spaces.Length && text[start] == ' ' && IsSpaces(text, start, end))
        {
            return Spaces[length - 1];
        }

        return text.Substring(start, length);
    }

    private static bool IsSpaces(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] != ' ')
            {
                return false;
            }
        }

        return true;
    }

    private static readonly string[] AsciiStrings = Enumerable.Range(0, 128).Select(c => ((char)c).ToString()).ToArray();

    private static readonly string[] Spaces = Enumerable.Range(1, 32).Select(n => new string(' ', n)).ToArray();

    /// <summary>Words repeat (keywords, attribute names): one string instance per distinct word and file.</summary>
    private static string Intern(HashSet<string>.AlternateLookup<ReadOnlySpan<char>> words, string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        if (words.TryGetValue(span, out var existing))
        {
            return existing;
        }

        var created = span.ToString();
        words.Add(created);
        return created;
    }

    private static void ReportUnknownEscapes(SourceText source, int start, int end, bool unterminated, DiagnosticBag diagnostics)
    {
        var text = source.Text;
        var last = unterminated ? end : end - 1;
        for (var i = start + 1; i < last - 1; i++)
        {
            if (text[i] != '\\')
            {
                continue;
            }

            var next = text[i + 1];
            if (next is not ('n' or 't' or '\\' or '"'))
            {
                diagnostics.Add(
                    "AS1006",
                    source.GetRange(i, i + 2),
                    $"unknown escape '\\{next}' is kept as written",
                    $"write '\\\\{next}' for a backslash followed by '{next}'");
            }

            i++;
        }
    }

    private static string? HintForCharacter(string character) => character switch
    {
        "=" => "attributes are written as 'name value', without '='",
        "'" => "strings use double quotes",
        "&" => "did you mean '&&'?",
        "|" => "did you mean '||'?",
        _ => null,
    };
}
