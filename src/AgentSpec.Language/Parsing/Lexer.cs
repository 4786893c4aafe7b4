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
    public static SyntaxToken[] Lex(SourceText source, DiagnosticBag diagnostics)
    {
        var text = source.Text;
        var raw = IntentLangTokenizer.Instance.Tokenize(text);
        var tokens = new List<SyntaxToken>(raw.Count() / 2 + 1);
        var trivia = new List<SyntaxTrivia>();
        var invalidBytes = new HashSet<int>(source.InvalidByteOffsets);
        foreach (var offset in source.InvalidByteOffsets)
        {
            diagnostics.Add("AS1001", source.GetRange(offset, offset + 1), "invalid UTF-8 byte sequence", "save the file as UTF-8");
        }

        foreach (var token in raw)
        {
            var start = token.Span.Position.Absolute;
            var end = start + token.Span.Length;
            var tokenText = text.Substring(start, token.Span.Length);
            var range = source.GetRange(start, end);
            switch (token.Kind)
            {
                case TokenKind.Whitespace:
                case TokenKind.Comment:
                    trivia.Add(new SyntaxTrivia(token.Kind, tokenText, start, range));
                    continue;
                case TokenKind.BlockComment:
                    trivia.Add(new SyntaxTrivia(token.Kind, tokenText, start, range));
                    diagnostics.Add("AS1007", source.GetRange(start, start + 2), "block comments are not supported", "use '#' or '//' for comments");
                    continue;
                case TokenKind.BadCharacter:
                    trivia.Add(new SyntaxTrivia(token.Kind, tokenText, start, range));
                    if (!invalidBytes.Contains(start))
                    {
                        diagnostics.Add("AS1002", range, $"unexpected character '{tokenText}'", HintForCharacter(tokenText));
                    }

                    continue;
            }

            var kind = token.Kind;
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

            if (kind == TokenKind.String)
            {
                ReportUnknownEscapes(source, start, tokenText, unterminated, diagnostics);
            }

            tokens.Add(new SyntaxToken(kind, tokenText, start, range, TakeTrivia(trivia), unterminated));
        }

        var eofPosition = source.GetPosition(text.Length);
        tokens.Add(new SyntaxToken(TokenKind.EndOfFile, string.Empty, text.Length, SourceRange.Empty(eofPosition), TakeTrivia(trivia), false));
        return tokens.ToArray();
    }

    private static SyntaxTrivia[]? TakeTrivia(List<SyntaxTrivia> trivia)
    {
        if (trivia.Count == 0)
        {
            return null;
        }

        var result = trivia.ToArray();
        trivia.Clear();
        return result;
    }

    private static void ReportUnknownEscapes(SourceText source, int start, string text, bool unterminated, DiagnosticBag diagnostics)
    {
        var end = unterminated ? text.Length : text.Length - 1;
        for (var i = 1; i < end - 1; i++)
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
                    source.GetRange(start + i, start + i + 2),
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
