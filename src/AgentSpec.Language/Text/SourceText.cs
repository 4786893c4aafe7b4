using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace AgentSpec.Text;

/// <summary>
/// The decoded text of one source file with its line map. A UTF-8 byte-order mark is dropped; invalid UTF-8 sequences
/// are replaced by U+FFFD and remembered so that the lexer can report AS1001 (language spec §1.1).
/// </summary>
public sealed class SourceText
{
    // Offsets at which lines start, in chunks of 8192 (32 KB): one array for a large file would land on the
    // large-object heap, whose allocations soon trigger full collections.
    private const int LineChunkShift = 13;
    private const int LineChunkMask = (1 << LineChunkShift) - 1;

    private readonly int[][] lineStarts;
    private readonly int lineCount;

    private SourceText(string file, string text, bool hadByteOrderMark, IReadOnlyList<int> invalidByteOffsets)
    {
        File = file;
        Text = text;
        HadByteOrderMark = hadByteOrderMark;
        InvalidByteOffsets = invalidByteOffsets;
        lineStarts = ComputeLineStarts(text, out lineCount);
    }

    public string File { get; }

    public string Text { get; }

    public bool HadByteOrderMark { get; }

    /// <summary>Offsets (in <see cref="Text"/>) of the U+FFFD characters that replaced invalid bytes.</summary>
    public IReadOnlyList<int> InvalidByteOffsets { get; }

    public int Length => Text.Length;

    public int LineCount => lineCount;

    public static SourceText From(string text, string file) =>
        text.Length > 0 && text[0] == '\uFEFF'
            ? new SourceText(file, text[1..], true, Array.Empty<int>())
            : new SourceText(file, text, false, Array.Empty<int>());

    public static SourceText FromBytes(ReadOnlySpan<byte> bytes, string file)
    {
        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        if (bom)
        {
            bytes = bytes[3..];
        }

        if (Utf8.IsValid(bytes))
        {
            return new SourceText(file, Encoding.UTF8.GetString(bytes), bom, Array.Empty<int>());
        }

        var builder = new StringBuilder(bytes.Length);
        var invalid = new List<int>();
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status != OperationStatus.Done)
            {
                invalid.Add(builder.Length);
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(rune.ToString());
            }

            bytes = bytes[Math.Max(consumed, 1)..];
        }

        return new SourceText(file, builder.ToString(), bom, invalid);
    }

    /// <summary>The 1-based position of a character offset; columns count UTF-16 code units.</summary>
    public SourcePosition GetPosition(int offset)
    {
        var line = LineIndex(offset);
        return new SourcePosition(line + 1, offset - LineStart(line) + 1);
    }

    public SourceRange GetRange(int start, int end)
    {
        var line = LineIndex(start);
        var lineStart = LineStart(line);
        var startPosition = new SourcePosition(line + 1, start - lineStart + 1);

        // Most ranges end on the line they start on: no second search then.
        if (end >= start && (line + 1 == lineCount || end < LineStart(line + 1)))
        {
            return new SourceRange(startPosition, new SourcePosition(line + 1, end - lineStart + 1));
        }

        return new SourceRange(startPosition, GetPosition(end));
    }

    /// <summary>The offset at which a 1-based line starts.</summary>
    public int GetLineStart(int line) =>
        line >= 1 && line <= lineCount ? LineStart(line - 1) : throw new IndexOutOfRangeException("line is outside the text");

    private int LineStart(int line) => lineStarts[line >> LineChunkShift][line & LineChunkMask];

    /// <summary>The 0-based index of the line holding an offset (offsets before the text map to line 0).</summary>
    private int LineIndex(int offset)
    {
        // The last chunk whose first line starts at or before the offset, then the last line in it that does.
        var chunks = lineStarts;
        int lo = 0, hi = chunks.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (chunks[mid][0] <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        var chunk = chunks[lo];
        var first = lo << LineChunkShift;
        int low = 0, high = Math.Min(chunk.Length, lineCount - first) - 1;
        while (low < high)
        {
            var mid = (low + high + 1) >>> 1;
            if (chunk[mid] <= offset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return first + low;
    }

    private static int[][] ComputeLineStarts(string text, out int count)
    {
        var span = text.AsSpan();
        count = span.Count('\n') + 1;
        var chunkSize = 1 << LineChunkShift;
        var chunks = new int[(count + chunkSize - 1) >> LineChunkShift][];
        for (var c = 0; c < chunks.Length; c++)
        {
            chunks[c] = new int[Math.Min(chunkSize, count - (c << LineChunkShift))];
        }

        var line = 1;
        var offset = 0;
        while (true)
        {
            var next = span[offset..].IndexOf('\n');
            if (next < 0)
            {
                return chunks;
            }

            offset += next + 1;
            chunks[line >> LineChunkShift][line & LineChunkMask] = offset;
            line++;
        }
    }
}
