using System.Text;

namespace AgentSpec.Syntax;

/// <summary>
/// A node of the full-fidelity tree. Children (tokens and nodes) are kept in source order, so writing them out
/// reproduces the source exactly; typed properties of the subclasses point into the same children.
/// </summary>
public abstract class SyntaxNode : SyntaxElement
{
    private readonly List<SyntaxElement> children = new();

    public IReadOnlyList<SyntaxElement> Children => children;

    public SyntaxToken? FirstToken => DescendantTokens().FirstOrDefault();

    public SyntaxToken? LastToken
    {
        get
        {
            for (var i = children.Count - 1; i >= 0; i--)
            {
                var last = children[i] switch
                {
                    SyntaxToken token => token,
                    SyntaxNode node => node.LastToken,
                    _ => null,
                };
                if (last is not null)
                {
                    return last;
                }
            }

            return null;
        }
    }

    public override SourceRange Range
    {
        get
        {
            var first = FirstToken;
            var last = LastToken;
            return first is null || last is null ? default : new SourceRange(first.Range.Start, last.Range.End);
        }
    }

    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        foreach (var child in children)
        {
            if (child is SyntaxToken token)
            {
                yield return token;
            }
            else if (child is SyntaxNode node)
            {
                foreach (var inner in node.DescendantTokens())
                {
                    yield return inner;
                }
            }
        }
    }

    public override void WriteTo(StringBuilder builder)
    {
        foreach (var child in children)
        {
            child.WriteTo(builder);
        }
    }

    internal void Add(SyntaxElement element) => children.Add(element);
}
