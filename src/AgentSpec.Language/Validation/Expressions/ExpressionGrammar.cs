using AgentSpec.Syntax;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace AgentSpec.Validation.Expressions;

/// <summary>
/// The expression grammar of language spec §2.7 as Superpower token parsers. The result of a parse is the list of
/// function-name tokens the expression calls (so that unknown functions can be reported); values are not computed.
/// </summary>
internal static class ExpressionGrammar
{
    private static readonly Token<TokenKind>[] None = [];

    private static readonly TokenListParser<TokenKind, Token<TokenKind>[]> OrRef = Parse.Ref(OrParser);

    private static readonly TokenListParser<TokenKind, Token<TokenKind>[]> Literal =
        Token.EqualTo(TokenKind.String).Or(Token.EqualTo(TokenKind.TripleString)).Or(Token.EqualTo(TokenKind.Number))
            .Or(Token.EqualToValue(TokenKind.Word, "true")).Or(Token.EqualToValue(TokenKind.Word, "false"))
            .Or(Token.EqualToValue(TokenKind.Word, "nil"))
            .Value(None);

    private static readonly TokenListParser<TokenKind, Token<TokenKind>[]> Arguments =
        from open in Token.EqualTo(TokenKind.OpenParen)
        from items in OrRef.ManyDelimitedBy(Token.EqualTo(TokenKind.Comma))
        from close in Token.EqualTo(TokenKind.CloseParen)
        select items.SelectMany(i => i).ToArray();

    private static readonly TokenListParser<TokenKind, Token<TokenKind>[]> NameOrCall =
        from name in Token.Matching<TokenKind>(t => t == TokenKind.Word, "name").Where(t => !IsOperatorWord(t.ToStringValue()), "name")
        from arguments in Arguments.Select(a => (Token<TokenKind>[]?)a).OptionalOrDefault(null)
        select arguments is null ? None : [name, .. arguments];

    private static readonly TokenListParser<TokenKind, Token<TokenKind>[]> Group =
        from open in Token.EqualTo(TokenKind.OpenParen)
        from inner in OrRef
        from close in Token.EqualTo(TokenKind.CloseParen)
        select inner;

    private static readonly TokenListParser<TokenKind, Token<TokenKind>[]> ListLiteral =
        from open in Token.EqualTo(TokenKind.OpenBracket)
        from items in OrRef.ManyDelimitedBy(Token.EqualTo(TokenKind.Comma))
        from close in Token.EqualTo(TokenKind.CloseBracket)
        select items.SelectMany(i => i).ToArray();

    private static readonly TokenListParser<TokenKind, Token<TokenKind>[]> Primary =
        Literal.Try().Or(NameOrCall).Or(Group).Or(ListLiteral);

    private static readonly TokenListParser<TokenKind, Token<TokenKind>[]> Member =
        Token.EqualTo(TokenKind.Dot).IgnoreThen(Token.EqualTo(TokenKind.Word)).Value(None);

    private static readonly TokenListParser<TokenKind, Token<TokenKind>[]> Index =
        from open in Token.EqualTo(TokenKind.OpenBracket)
        from inner in OrRef
        from close in Token.EqualTo(TokenKind.CloseBracket)
        select inner;

    private static readonly TokenListParser<TokenKind, Token<TokenKind>[]> Postfix =
        from primary in Primary
        from suffixes in Member.Or(Index).Many()
        select suffixes.Length == 0 ? primary : [.. primary, .. suffixes.SelectMany(s => s)];

    private static readonly TokenListParser<TokenKind, Token<TokenKind>[]> Unary =
        from minus in Token.EqualTo(TokenKind.Minus).Optional()
        from operand in Postfix
        select operand;

    private static readonly TokenListParser<TokenKind, Token<TokenKind>[]> Product = Parse.Chain(
        Token.EqualTo(TokenKind.Star).Or(Token.EqualTo(TokenKind.Slash)).Or(Token.EqualTo(TokenKind.Percent)),
        Unary,
        Combine);

    private static readonly TokenListParser<TokenKind, Token<TokenKind>[]> Sum = Parse.Chain(
        Token.EqualTo(TokenKind.Plus).Or(Token.EqualTo(TokenKind.Minus)),
        Product,
        Combine);

    private static readonly TokenListParser<TokenKind, Token<TokenKind>> ComparisonOperator =
        Token.EqualTo(TokenKind.EqualEqual).Or(Token.EqualTo(TokenKind.BangEqual))
            .Or(Token.EqualTo(TokenKind.LessEqual)).Or(Token.EqualTo(TokenKind.Less))
            .Or(Token.EqualTo(TokenKind.GreaterEqual)).Or(Token.EqualTo(TokenKind.Greater))
            .Or(Token.Matching<TokenKind>(t => t == TokenKind.Word, "operator").Where(t => IsComparisonWord(t.ToStringValue()), "operator"));

    private static readonly TokenListParser<TokenKind, Token<TokenKind>[]> Comparison =
        from left in Sum
        from right in ComparisonOperator.IgnoreThen(Sum).Select(r => (Token<TokenKind>[]?)r).OptionalOrDefault(null)
        select right is null ? left : Combine(default, left, right);

    private static readonly TokenListParser<TokenKind, Token<TokenKind>[]> NotRef = Parse.Ref(NotParser);

    private static readonly TokenListParser<TokenKind, Token<TokenKind>[]> Not =
        Token.EqualTo(TokenKind.Bang).Or(Token.EqualToValue(TokenKind.Word, "not")).IgnoreThen(NotRef)
            .Or(Comparison);

    private static readonly TokenListParser<TokenKind, Token<TokenKind>[]> And = Parse.Chain(
        Token.EqualTo(TokenKind.AmpersandAmpersand).Or(Token.EqualToValue(TokenKind.Word, "and")),
        Not,
        Combine);

    private static readonly TokenListParser<TokenKind, Token<TokenKind>[]> Or = Parse.Chain(
        Token.EqualTo(TokenKind.BarBar).Or(Token.EqualToValue(TokenKind.Word, "or")),
        And,
        Combine);

    /// <summary>A whole expression: the tokens must form one expression with nothing left over.</summary>
    public static readonly TokenListParser<TokenKind, Token<TokenKind>[]> Expression = Or.AtEnd();

    private static Token<TokenKind>[] Combine(Token<TokenKind> op, Token<TokenKind>[] left, Token<TokenKind>[] right) =>
        left.Length == 0 ? right : right.Length == 0 ? left : [.. left, .. right];

    private static TokenListParser<TokenKind, Token<TokenKind>[]> OrParser() => Or;

    private static TokenListParser<TokenKind, Token<TokenKind>[]> NotParser() => Not;

    private static bool IsOperatorWord(string word) => word is "and" or "or" or "not" or "in";

    private static bool IsComparisonWord(string word) => word is "in" or "contains" or "startsWith" or "endsWith" or "matches";
}
