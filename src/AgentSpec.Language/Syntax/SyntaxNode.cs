using System.Text;

namespace AgentSpec.Syntax;

/// <summary>
/// A node of the full-fidelity tree. Children (tokens and nodes) are kept in source order, so writing them out
/// reproduces the source exactly; typed properties of the subclasses point into the same children.
/// </summary>
public abstract class SyntaxNode : SyntaxElement
{
    private static readonly SyntaxElement[] None = Array.Empty<SyntaxElement>();

    // Most nodes hold one element (a string or word value): no list is allocated until a second one arrives. A list
    // that reaches a full chunk (only the root of a large file does) moves to chunked storage, off the large-object heap.
    private SyntaxElement? single;
    private object? many; // List<SyntaxElement>, or ChunkedList<SyntaxElement> past one chunk (one field for both)

    public IReadOnlyList<SyntaxElement> Children => (IReadOnlyList<SyntaxElement>?)many ?? (single is null ? None : [single]);

    /// <summary>The number of children, without materialising <see cref="Children"/>.</summary>
    internal int ChildCount => many switch
    {
        null => single is null ? 0 : 1,
        List<SyntaxElement> list => list.Count,
        _ => ((ChunkedList<SyntaxElement>)many).Count,
    };

    /// <summary>The child at an index, without materialising <see cref="Children"/>.</summary>
    internal SyntaxElement ChildAt(int index) => many switch
    {
        null => index == 0 && single is not null ? single : throw new ArgumentOutOfRangeException(nameof(index)),
        List<SyntaxElement> list => list[index],
        _ => ((ChunkedList<SyntaxElement>)many)[index],
    };

    public SyntaxToken? FirstToken
    {
        get
        {
            if (many is null)
            {
                return First(single);
            }

            var count = ChildCount;
            for (var i = 0; i < count; i++)
            {
                if (First(ChildAt(i)) is { } token)
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

            for (var i = ChildCount - 1; i >= 0; i--)
            {
                if (Last(ChildAt(i)) is { } token)
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

        var count = ChildCount;
        for (var i = 0; i < count; i++)
        {
            ChildAt(i).WriteTo(builder);
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
        if (many is List<SyntaxElement> list)
        {
            if (list.Count < ChunkedList<SyntaxElement>.ChunkSize)
            {
                list.Add(element);
                return;
            }

            var chunked = new ChunkedList<SyntaxElement>(ChunkedList<SyntaxElement>.ChunkSize);
            foreach (var child in list)
            {
                chunked.Add(child);
            }

            chunked.Add(element);
            many = chunked;
        }
        else if (many is ChunkedList<SyntaxElement> chunks)
        {
            chunks.Add(element);
        }
        else if (single is null)
        {
            single = element;
        }
        else
        {
            many = new List<SyntaxElement>(2) { single, element };
            single = null;
        }
    }
}
