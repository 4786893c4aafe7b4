using AgentSpec.Diagnostics;
using AgentSpec.Syntax;
using AgentSpec.Text;

namespace AgentSpec.Parsing;

/// <summary>
/// Recursive-descent parser over the lexer's tokens (language spec §2). It never stops at an error: it always builds
/// a tree that holds every token, reports AS1010–AS1017 and recovers as §2.14 describes.
/// </summary>
internal sealed partial class Parser
{
    private readonly SourceText source;
    private readonly ChunkedList<SyntaxToken> tokens;
    private readonly DiagnosticBag diagnostics;
    private int position;

    /// <summary>Set when a missing '}' was detected: every open body returns so the line parses at top level.</summary>
    private bool unwinding;

    private Parser(SourceText source, ChunkedList<SyntaxToken> tokens, DiagnosticBag diagnostics)
    {
        this.source = source;
        this.tokens = tokens;
        this.diagnostics = diagnostics;
    }

    private SyntaxToken Current => tokens[position];

    public static SyntaxTree Parse(SourceText source)
    {
        var diagnostics = new DiagnosticBag(source.File);
        var tokens = Lexer.Lex(source, diagnostics);
        var parser = new Parser(source, tokens, diagnostics);
        var root = parser.ParseFile();
        var ordered = diagnostics.Items
            .OrderBy(d => d.Range.Start)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .Distinct()
            .ToList();
        IncompleteMarker.Mark(root, ordered);
        return new SyntaxTree(source, root, tokens, ordered);
    }

    private SyntaxToken Peek(int offset = 1) => tokens[Math.Min(position + offset, tokens.Count - 1)];

    private SyntaxToken Eat()
    {
        var token = tokens[position];
        if (position < tokens.Count - 1)
        {
            position++;
        }

        return token;
    }

    private bool At(TokenKind kind) => Current.Kind == kind;

    private bool AtWord(string word) => Current.Kind == TokenKind.Word && Current.Text == word;

    /// <summary>End of an item's line: a line break, a closing brace (not consumed) or the end of the file.</summary>
    private bool AtLineEnd => Current.Kind is TokenKind.NewLine or TokenKind.CloseBrace or TokenKind.EndOfFile;

    private static bool IsValueStart(SyntaxToken token) => token.Kind is TokenKind.String or TokenKind.TripleString or
        TokenKind.Number or TokenKind.Word or TokenKind.OpenBracket or TokenKind.Minus;

    private static bool IsName(SyntaxToken token) => token.Kind is TokenKind.Word or TokenKind.String or TokenKind.TripleString;

    /// <summary>Index of the next token that is not a line break.</summary>
    private int SkipNewLinesAhead()
    {
        var i = position;
        while (tokens[i].Kind == TokenKind.NewLine)
        {
            i++;
        }

        return i;
    }

    private void EatNewLinesInto(SyntaxNode node)
    {
        while (At(TokenKind.NewLine))
        {
            node.Add(Eat());
        }
    }

    private bool IsFirstOnLine(int index) => index == 0 || tokens[index - 1].Kind == TokenKind.NewLine;

    private SourceRange FoundRange(SyntaxToken token) =>
        token.Kind is TokenKind.NewLine or TokenKind.EndOfFile ? SourceRange.Empty(token.Range.Start) : token.Range;

    private void ReportExpected(string what, string previous, SyntaxToken found) =>
        diagnostics.Add("AS1014", FoundRange(found), $"expected {what} after '{previous}', found {TokenDescriber.Describe(found)}");

    private void ReportUnexpected(SyntaxToken token, BlockKind block) =>
        diagnostics.Add("AS1013", FoundRange(token), $"unexpected {TokenDescriber.Describe(token)} in {Grammar.DisplayName(block)} block");

    /// <summary>
    /// Skips to the end of the line, skipping whole bracket groups that start on it (spec §2.14). Stops before a line
    /// break, the end of the file, or a '}' that closes an enclosing body.
    /// </summary>
    private void SkipRestOfLine(SyntaxNode into)
    {
        var depth = 0;
        while (!At(TokenKind.EndOfFile))
        {
            var kind = Current.Kind;
            if (depth == 0 && (kind == TokenKind.NewLine || kind == TokenKind.CloseBrace))
            {
                return;
            }

            if (kind is TokenKind.OpenBrace or TokenKind.OpenBracket or TokenKind.OpenParen)
            {
                depth++;
            }
            else if (kind is TokenKind.CloseBrace or TokenKind.CloseBracket or TokenKind.CloseParen && depth > 0)
            {
                depth--;
            }

            into.Add(Eat());
        }
    }
}
