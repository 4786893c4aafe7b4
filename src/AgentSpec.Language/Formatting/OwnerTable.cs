using System.Diagnostics.CodeAnalysis;
using AgentSpec.Syntax;

namespace AgentSpec.Formatting;

/// <summary>
/// A map from syntax elements (items, list elements, bodies, tokens) to what the formatter attached to them, keyed by
/// the offset of the element's first token. Hashing an integer is far cheaper than hashing object identity (which makes
/// the runtime assign an identity hash to every node looked up); the owner is still compared by reference, and owners
/// without a token or sharing an offset with another owner fall back to an identity-keyed dictionary.
/// </summary>
internal sealed class OwnerTable<T>
{
    private readonly Dictionary<int, (SyntaxElement Owner, T Value)> byOffset = new();
    private Dictionary<SyntaxElement, T>? byIdentity;

    public int Count => byOffset.Count + (byIdentity?.Count ?? 0);

    public bool TryGetValue(SyntaxElement owner, [MaybeNullWhen(false)] out T value)
    {
        if (Count == 0)
        {
            value = default;
            return false;
        }

        if (KeyOf(owner) is { } key && byOffset.TryGetValue(key, out var entry) && ReferenceEquals(entry.Owner, owner))
        {
            value = entry.Value;
            return true;
        }

        if (byIdentity is not null && byIdentity.TryGetValue(owner, out var other))
        {
            value = other;
            return true;
        }

        value = default;
        return false;
    }

    public bool Contains(SyntaxElement owner) => TryGetValue(owner, out _);

    public void Set(SyntaxElement owner, T value)
    {
        if (KeyOf(owner) is { } key)
        {
            if (!byOffset.TryGetValue(key, out var entry))
            {
                byOffset.Add(key, (owner, value));
                return;
            }

            if (ReferenceEquals(entry.Owner, owner))
            {
                byOffset[key] = (owner, value);
                return;
            }
        }

        byIdentity ??= new Dictionary<SyntaxElement, T>(ReferenceEqualityComparer.Instance);
        byIdentity[owner] = value;
    }

    private static int? KeyOf(SyntaxElement owner) => owner switch
    {
        SyntaxToken token => token.Offset,
        BodySyntax { OpenBrace: { } open } => open.Offset,
        SyntaxNode node => node.FirstToken?.Offset,
        _ => null,
    };
}
