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
        var cursor = new Cursor(text, span.Position.Absolute, span.Position.Line, span.Position.Column);
        var end = span.Position.Absolute + span.Length;
        while (cursor.Offset < end)
        {
            var start = cursor.Snapshot();
            var kind = Scan(text, ref cursor, end);
            yield return Result.Value(kind, start.Span(text, cursor.Offset), cursor.Snapshot().Span(text, end));
        }
    }

    private static TokenKind Scan(string s, ref Cursor cursor, int end)
    {
        var i = cursor.Offset;
        var c = s[i];
        switch (c)
        {
            case '\n':
                cursor.Advance(s, 1);
                return TokenKind.NewLine;
            case '\r' when i + 1 < end && s[i + 1] == '\n':
                cursor.Advance(s, 2);
                return TokenKind.NewLine;
            case ' ' or '\t' or '\f' or '\r':
                cursor.Advance(s, CountWhile(s, i, end, static ch => ch is ' ' or '\t' or '\f' || ch == '\r'));
                return TokenKind.Whitespace;
            case '#':
                cursor.Advance(s, ToEndOfLine(s, i, end) - i);
                return TokenKind.Comment;
            case '/' when i + 1 < end && s[i + 1] == '/':
                cursor.Advance(s, ToEndOfLine(s, i, end) - i);
                return TokenKind.Comment;
            case '/' when i + 1 < end && s[i + 1] == '*':
            {
                var close = s.IndexOf("*/", i + 2, end - i - 2, StringComparison.Ordinal);
                cursor.Advance(s, (close < 0 ? end : close + 2) - i);
                return TokenKind.BlockComment;
            }

            case '"':
                return ScanString(s, ref cursor, end);
            case '{': cursor.Advance(s, 1); return TokenKind.OpenBrace;
            case '}': cursor.Advance(s, 1); return TokenKind.CloseBrace;
            case '[': cursor.Advance(s, 1); return TokenKind.OpenBracket;
            case ']': cursor.Advance(s, 1); return TokenKind.CloseBracket;
            case '(': cursor.Advance(s, 1); return TokenKind.OpenParen;
            case ')': cursor.Advance(s, 1); return TokenKind.CloseParen;
            case ',': cursor.Advance(s, 1); return TokenKind.Comma;
            case '.': cursor.Advance(s, 1); return TokenKind.Dot;
            case ':': cursor.Advance(s, 1); return TokenKind.Colon;
            case '+': cursor.Advance(s, 1); return TokenKind.Plus;
            case '-': cursor.Advance(s, 1); return TokenKind.Minus;
            case '*': cursor.Advance(s, 1); return TokenKind.Star;
            case '/': cursor.Advance(s, 1); return TokenKind.Slash;
            case '%': cursor.Advance(s, 1); return TokenKind.Percent;
            case '?': cursor.Advance(s, 1); return TokenKind.Question;
            case '=' when i + 1 < end && s[i + 1] == '=': cursor.Advance(s, 2); return TokenKind.EqualEqual;
            case '!' when i + 1 < end && s[i + 1] == '=': cursor.Advance(s, 2); return TokenKind.BangEqual;
            case '!': cursor.Advance(s, 1); return TokenKind.Bang;
            case '<' when i + 1 < end && s[i + 1] == '=': cursor.Advance(s, 2); return TokenKind.LessEqual;
            case '<': cursor.Advance(s, 1); return TokenKind.Less;
            case '>' when i + 1 < end && s[i + 1] == '=': cursor.Advance(s, 2); return TokenKind.GreaterEqual;
            case '>': cursor.Advance(s, 1); return TokenKind.Greater;
            case '&' when i + 1 < end && s[i + 1] == '&': cursor.Advance(s, 2); return TokenKind.AmpersandAmpersand;
            case '|' when i + 1 < end && s[i + 1] == '|': cursor.Advance(s, 2); return TokenKind.BarBar;
        }

        if (c is >= '0' and <= '9')
        {
            var j = i + CountWhile(s, i, end, static ch => ch is >= '0' and <= '9');
            if (j < end && s[j] == '.')
            {
                j++;
                j += CountWhile(s, j, end, static ch => ch is >= '0' and <= '9');
            }

            cursor.Advance(s, j - i);
            return TokenKind.Number;
        }

        if (IsWordStart(s, i, out var width))
        {
            var j = i + width;
            while (j < end && IsWordContinue(s, j, out width))
            {
                j += width;
            }

            cursor.Advance(s, j - i);
            return TokenKind.Word;
        }

        cursor.Advance(s, char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(s[i + 1]) ? 2 : 1);
        return TokenKind.BadCharacter;
    }

    private static TokenKind ScanString(string s, ref Cursor cursor, int end)
    {
        var i = cursor.Offset;
        if (i + 2 < end && s[i + 1] == '"' && s[i + 2] == '"')
        {
            var close = s.IndexOf("\"\"\"", i + 3, end - i - 3, StringComparison.Ordinal);
            if (close >= 0)
            {
                cursor.Advance(s, close + 3 - i);
                return TokenKind.TripleString;
            }

            cursor.Advance(s, ToEndOfLine(s, i, end) - i);
            return TokenKind.UnterminatedTripleString;
        }

        var j = i + 1;
        while (j < end)
        {
            var c = s[j];
            if (c == '"')
            {
                cursor.Advance(s, j + 1 - i);
                return TokenKind.String;
            }

            j += c == '\\' && j + 1 < end ? 2 : 1;
        }

        cursor.Advance(s, ToEndOfLine(s, i, end) - i);
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

    private static int CountWhile(string s, int i, int end, Func<char, bool> predicate)
    {
        var j = i;
        while (j < end && predicate(s[j]))
        {
            j++;
        }

        return j - i;
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

    private static bool IsWordContinue(string s, int i, out int width)
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

    /// <summary>Offset plus Superpower's 1-based line/column, advanced incrementally.</summary>
    private struct Cursor
    {
        public Cursor(string text, int offset, int line, int column)
        {
            _ = text;
            Offset = offset;
            Line = line;
            Column = column;
        }

        public int Offset { get; private set; }

        public int Line { get; private set; }

        public int Column { get; private set; }

        public void Advance(string s, int count)
        {
            var stop = Offset + count;
            for (var k = Offset; k < stop; k++)
            {
                if (s[k] == '\n')
                {
                    Line++;
                    Column = 1;
                }
                else
                {
                    Column++;
                }
            }

            Offset = stop;
        }

        public readonly Snapshot Snapshot() => new(new Position(Offset, Line, Column));
    }

    private readonly record struct Snapshot(Position Position)
    {
        public TextSpan Span(string text, int end) => new(text, Position, end - Position.Absolute);
    }
}
