using AgentSpec.Syntax;

namespace AgentSpec.Formatting;

/// <summary>First and last significant tokens of nodes, without allocating iterators.</summary>
internal static class TokenBounds
{
    public static SyntaxToken? First(SyntaxElement element) =>
        element as SyntaxToken ?? ((SyntaxNode)element).FirstToken;

    /// <summary>The last token that is not a line break.</summary>
    public static SyntaxToken? Last(SyntaxElement element)
    {
        if (element is SyntaxToken token)
        {
            return token.Kind == TokenKind.NewLine ? null : token;
        }

        var node = (SyntaxNode)element;
        for (var i = node.ChildCount - 1; i >= 0; i--)
        {
            var last = Last(node.ChildAt(i));
            if (last is not null)
            {
                return last;
            }
        }

        return null;
    }
}
