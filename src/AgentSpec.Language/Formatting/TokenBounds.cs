using AgentSpec.Syntax;

namespace AgentSpec.Formatting;

/// <summary>First and last significant tokens of nodes, without allocating iterators.</summary>
internal static class TokenBounds
{
    public static SyntaxToken? First(SyntaxElement element)
    {
        if (element is SyntaxToken token)
        {
            return token;
        }

        var children = ((SyntaxNode)element).Children;
        for (var i = 0; i < children.Count; i++)
        {
            var first = First(children[i]);
            if (first is not null)
            {
                return first;
            }
        }

        return null;
    }

    /// <summary>The last token that is not a line break.</summary>
    public static SyntaxToken? Last(SyntaxElement element)
    {
        if (element is SyntaxToken token)
        {
            return token.Kind == TokenKind.NewLine ? null : token;
        }

        var children = ((SyntaxNode)element).Children;
        for (var i = children.Count - 1; i >= 0; i--)
        {
            var last = Last(children[i]);
            if (last is not null)
            {
                return last;
            }
        }

        return null;
    }
}
