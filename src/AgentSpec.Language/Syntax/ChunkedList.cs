using System.Collections;

namespace AgentSpec.Syntax;

/// <summary>
/// A list stored in chunks of at most 4096 elements (32 KB of references) instead of one array: a single array for a
/// large file (its tokens, the children of its root) lands on the large-object heap, whose allocations soon trigger
/// full (gen 2) collections.
/// </summary>
internal sealed class ChunkedList<T> : IReadOnlyList<T>
{
    private const int Shift = 12;
    public const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;

    private T[][] chunks = new T[1][];
    private int chunkCount = 1;
    private T[] last;
    private int count;

    /// <param name="expected">An estimate of the number of elements (the first chunk is sized for it, up to a full chunk).</param>
    public ChunkedList(int expected)
    {
        last = new T[Math.Clamp(expected, 16, ChunkSize)];
        chunks[0] = last;
    }

    public int Count => count;

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return chunks[index >> Shift][index & Mask];
        }
    }

    public void Add(T token)
    {
        var slot = count & Mask;
        if (count > 0 && slot == 0)
        {
            // The previous chunk is full (only the first chunk is ever smaller than ChunkSize, and it grows first).
            last = new T[ChunkSize];
            if (chunkCount == chunks.Length)
            {
                Array.Resize(ref chunks, chunks.Length * 2);
            }

            chunks[chunkCount++] = last;
        }
        else if (slot == last.Length)
        {
            Array.Resize(ref last, Math.Min(last.Length * 2, ChunkSize));
            chunks[chunkCount - 1] = last;
        }

        last[slot] = token;
        count++;
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
