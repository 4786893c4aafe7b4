using System.Collections;

namespace AgentSpec.Syntax;

/// <summary>A read-only list of exactly one element, so that nodes need not keep a list for the common single case.</summary>
internal sealed class SingleItemList<T> : IReadOnlyList<T>
{
    private readonly T item;

    public SingleItemList(T item)
    {
        this.item = item;
    }

    public int Count => 1;

    public T this[int index] => index == 0 ? item : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<T> GetEnumerator()
    {
        yield return item;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
