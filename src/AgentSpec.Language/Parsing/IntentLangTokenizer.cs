using System.Globalization;
using AgentSpec.Syntax;
using Superpower;
using Superpower.Model;

namespace AgentSpec.Parsing;

/// <summary>
/// The Superpower tokenizer of IntentLang. It never fails: characters outside the token set, block comments and
/// unterminated strings come out as their own kinds so that the lexer can report them and continue (spec §1.13).
/// Trivia (whitespace, comments) is produced as tokens too and attached to the following token afterwards.
/// </summary>
internal sealed class IntentLangTokenizer : Tokenizer<TokenKind>
{
    public static readonly IntentLangTokenizer Instance = new();

    protected override IEnumerable<Result<TokenKind>> Tokenize(TextSpan span)
    {
        var text = span.Source ?? string.Empty;
        var end = span.Position.Absolute + span.Length;
        var position = span.Position;
        while (position.Absolute < end)
        {
            var kind = Scan(text, position.Absolute, end, out var next);
            var after = Advance(text, position, next);
            yield return Result.Value(kind, new TextSpan(text, position, next - position.Absolute), new TextSpan(text, after, end - next));
            position = after;
        }
    }

    /// <summary>
    /// Scans one token or trivia run starting at <paramref name="i"/>; <paramref name="next"/> is the offset after it.
    /// Shared by the Superpower entry point above and the lexer's direct loop, so both always agree.
    /// </summary>
    internal static TokenKind Scan(string s, int i, int end, out int next)
    {
        var c = s[i];
        switch (c)
        {
            case '\n':
                next = i + 1;
                return TokenKind.NewLine;
            case '\r' when i + 1 < end && s[i + 1] == '\n':
                next = i + 2;
                return TokenKind.NewLine;
            case ' ' or '\t' or '\f' or '\r':
                next = i + 1;
                while (next < end && s[next] is ' ' or '\t' or '\f' || (next < end && s[next] == '\r' && !(next + 1 < end && s[next + 1] == '\n')))
                {
                    next++;
                }

                return TokenKind.Whitespace;
            case '#':
                next = ToEndOfLine(s, i, end);
                return TokenKind.Comment;
            case '/' when i + 1 < end && s[i + 1] == '/':
                next = ToEndOfLine(s, i, end);
                return TokenKind.Comment;
            case '/' when i + 1 < end && s[i + 1] == '*':
            {
                var close = s.IndexOf("*/", i + 2, end - i - 2, StringComparison.Ordinal);
                next = close < 0 ? end : close + 2;
                return TokenKind.BlockComment;
            }

            case '"':
                return ScanString(s, i, end, out next);
            case '=' when i + 1 < end && s[i + 1] == '=': next = i + 2; return TokenKind.EqualEqual;
            case '!' when i + 1 < end && s[i + 1] == '=': next = i + 2; return TokenKind.BangEqual;
            case '<' when i + 1 < end && s[i + 1] == '=': next = i + 2; return TokenKind.LessEqual;
            case '>' when i + 1 < end && s[i + 1] == '=': next = i + 2; return TokenKind.GreaterEqual;
            case '&' when i + 1 < end && s[i + 1] == '&': next = i + 2; return TokenKind.AmpersandAmpersand;
            case '|' when i + 1 < end && s[i + 1] == '|': next = i + 2; return TokenKind.BarBar;
        }

        next = i + 1;
        switch (c)
        {
            case '{': return TokenKind.OpenBrace;
            case '}': return TokenKind.CloseBrace;
            case '[': return TokenKind.OpenBracket;
            case ']': return TokenKind.CloseBracket;
            case '(': return TokenKind.OpenParen;
            case ')': return TokenKind.CloseParen;
            case ',': return TokenKind.Comma;
            case '.': return TokenKind.Dot;
            case ':': return TokenKind.Colon;
            case '+': return TokenKind.Plus;
            case '-': return TokenKind.Minus;
            case '*': return TokenKind.Star;
            case '/': return TokenKind.Slash;
            case '%': return TokenKind.Percent;
            case '?': return TokenKind.Question;
            case '!': return TokenKind.Bang;
            case '<': return TokenKind.Less;
            case '>': return TokenKind.Greater;
        }

        if (c is >= '0' and <= '9')
        {
            var j = i + 1;
            while (j < end && s[j] is >= '0' and <= '9')
            {
                j++;
            }

            if (j < end && s[j] == '.')
            {
                j++;
                while (j < end && s[j] is >= '0' and <= '9')
                {
                    j++;
                }
            }

            next = j;
            return TokenKind.Number;
        }

        if (IsWordStart(s, i, out var width))
        {
            var j = i + width;
            while (j < end && IsWordContinue(s, j, out width))
            {
                j += width;
            }

            next = j;
            return TokenKind.Word;
        }

        next = char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(s[i + 1]) ? i + 2 : i + 1;
        return TokenKind.BadCharacter;
    }

    private static TokenKind ScanString(string s, int i, int end, out int next)
    {
        if (i + 2 < end && s[i + 1] == '"' && s[i + 2] == '"')
        {
            var close = s.IndexOf("\"\"\"", i + 3, end - i - 3, StringComparison.Ordinal);
            if (close >= 0)
            {
                next = close + 3;
                return TokenKind.TripleString;
            }

            next = ToEndOfLine(s, i, end);
            return TokenKind.UnterminatedTripleString;
        }

        var j = i + 1;
        while (j < end)
        {
            var c = s[j];
            if (c == '"')
            {
                next = j + 1;
                return TokenKind.String;
            }

            j += c == '\\' && j + 1 < end ? 2 : 1;
        }

        next = ToEndOfLine(s, i, end);
        return TokenKind.UnterminatedString;
    }

    private static int ToEndOfLine(string s, int i, int end)
    {
        var j = s.IndexOf('\n', i, end - i);
        if (j < 0)
        {
            return end;
        }

        return j > i && s[j - 1] == '\r' ? j - 1 : j;
    }

    internal static bool IsWordStart(string s, int i, out int width)
    {
        var c = s[i];
        width = 1;
        if (c == '_' || c is >= 'a' and <= 'z' || c is >= 'A' and <= 'Z')
        {
            return true;
        }

        if (c < 128)
        {
            return false;
        }

        width = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
        return CharUnicodeInfo.GetUnicodeCategory(s, i) is UnicodeCategory.UppercaseLetter or
            UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or
            UnicodeCategory.OtherLetter;
    }

    internal static bool IsWordContinue(string s, int i, out int width)
    {
        var c = s[i];
        width = 1;
        if (c == '-' || c is >= '0' and <= '9')
        {
            return true;
        }

        if (IsWordStart(s, i, out width))
        {
            return true;
        }

        return c >= 128 && CharUnicodeInfo.GetUnicodeCategory(s, i) == UnicodeCategory.DecimalDigitNumber;
    }

    /// <summary>Superpower's position after the text from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static Position Advance(string s, Position from, int to)
    {
        var line = from.Line;
        var column = from.Column;
        for (var k = from.Absolute; k < to; k++)
        {
            if (s[k] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new Position(to, line, column);
    }
}
