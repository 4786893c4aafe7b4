using AgentSpec.Parsing;
using AgentSpec.Syntax;
using Superpower;
using Superpower.Model;

namespace AgentSpec.Validation.Expressions;

/// <summary>Checks expression texts against the grammar and function list of language spec §2.7 (AS3018 reasons).</summary>
internal static class ExpressionChecker
{
    /// <summary>The functions an expression may call.</summary>
    public static readonly IReadOnlySet<string> KnownFunctions = new HashSet<string>(StringComparer.Ordinal)
    {
        "len", "lower", "upper", "trim", "contains", "startsWith", "endsWith", "matches", "split", "join", "string", "int", "float",
    };

    /// <summary>The problems of an expression as AS3018 messages (empty when it is well formed).</summary>
    public static IReadOnlyList<string> Check(string text)
    {
        var tokens = new List<Token<TokenKind>>();
        foreach (var token in IntentLangTokenizer.Instance.Tokenize(text))
        {
            switch (token.Kind)
            {
                case TokenKind.Whitespace or TokenKind.NewLine or TokenKind.Comment:
                    continue;
                case TokenKind.BadCharacter or TokenKind.BlockComment:
                    return [$"cannot parse expression: unexpected character '{token.ToStringValue()}'"];
                case TokenKind.UnterminatedString or TokenKind.UnterminatedTripleString:
                    return ["cannot parse expression: unterminated string"];
                default:
                    tokens.Add(token);
                    break;
            }
        }

        if (tokens.Count == 0)
        {
            return ["cannot parse expression: the expression is empty"];
        }

        var result = ExpressionGrammar.Expression.TryParse(new TokenList<TokenKind>(tokens.ToArray()));
        if (!result.HasValue)
        {
            return [$"cannot parse expression: {result.FormatErrorMessageFragment()}"];
        }

        var problems = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var call in result.Value)
        {
            var name = call.ToStringValue();
            if (!KnownFunctions.Contains(name) && reported.Add(name))
            {
                problems.Add($"unknown function '{name}'");
            }
        }

        return problems;
    }
}
