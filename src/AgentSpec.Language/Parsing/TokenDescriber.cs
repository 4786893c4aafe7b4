using AgentSpec.Syntax;

namespace AgentSpec.Parsing;

/// <summary>Renders a token for messages: <c>end of line</c>, <c>string "…"</c>, <c>word 'x'</c>, <c>'{'</c> (spec §5.2).</summary>
internal static class TokenDescriber
{
    public static string Describe(SyntaxToken token) => token.Kind switch
    {
        TokenKind.NewLine => "end of line",
        TokenKind.EndOfFile => "end of file",
        TokenKind.String or TokenKind.TripleString => $"string \"{Shorten(token.Value)}\"",
        TokenKind.Number => $"number {token.Text}",
        TokenKind.Word => $"word '{token.Text}'",
        _ => $"'{token.Text}'",
    };

    private static string Shorten(string value) => value.Length <= 20 ? value : value[..20] + "…";
}
