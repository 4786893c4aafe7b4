using System.Text;

namespace AgentSpec.Syntax;

/// <summary>
/// A node of the full-fidelity tree. Children (tokens and nodes) are kept in source order, so writing them out
/// reproduces the source exactly; typed properties of the subclasses point into the same children.
/// </summary>
public abstract class SyntaxNode : SyntaxElement
{
    private static readonly SyntaxElement[] None = Array.Empty<SyntaxElement>();

    // Most nodes hold one element (a string or word value): no list is allocated until a second one arrives.
    private SyntaxElement? single;
    private List<SyntaxElement>? many;

    public IReadOnlyList<SyntaxElement> Children => (IReadOnlyList<SyntaxElement>?)many ?? (single is null ? None : [single]);

    /// <summary>The number of children, without materialising <see cref="Children"/>.</summary>
    internal int ChildCount => many?.Count ?? (single is null ? 0 : 1);

    /// <summary>The child at an index, without materialising <see cref="Children"/>.</summary>
    internal SyntaxElement ChildAt(int index) =>
        many is not null ? many[index] : index == 0 && single is not null ? single : throw new ArgumentOutOfRangeException(nameof(index));

    public SyntaxToken? FirstToken
    {
        get
        {
            if (many is null)
            {
                return First(single);
            }

            foreach (var child in many)
            {
                if (First(child) is { } token)
                {
                    return token;
                }
            }

            return null;
        }
    }

    public SyntaxToken? LastToken
    {
        get
        {
            if (many is null)
            {
                return Last(single);
            }

            for (var i = many.Count - 1; i >= 0; i--)
            {
                if (Last(many[i]) is { } token)
                {
                    return token;
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
            return first is null || last is null ? default : first.Source.GetRange(first.Offset, last.End);
        }
    }

    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        foreach (var child in Children)
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
        if (many is null)
        {
            single?.WriteTo(builder);
            return;
        }

        foreach (var child in many)
        {
            child.WriteTo(builder);
        }
    }

    private static SyntaxToken? First(SyntaxElement? element) => element switch
    {
        SyntaxToken token => token,
        SyntaxNode node => node.FirstToken,
        _ => null,
    };

    private static SyntaxToken? Last(SyntaxElement? element) => element switch
    {
        SyntaxToken token => token,
        SyntaxNode node => node.LastToken,
        _ => null,
    };

    internal void Add(SyntaxElement element)
    {
        if (many is not null)
        {
            many.Add(element);
        }
        else if (single is null)
        {
            single = element;
        }
        else
        {
            many = [single, element];
            single = null;
        }
    }
}
