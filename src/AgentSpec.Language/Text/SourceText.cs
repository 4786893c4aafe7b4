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
    private readonly int[] lineStarts;

    private SourceText(string file, string text, bool hadByteOrderMark, IReadOnlyList<int> invalidByteOffsets)
    {
        File = file;
        Text = text;
        HadByteOrderMark = hadByteOrderMark;
        InvalidByteOffsets = invalidByteOffsets;
        lineStarts = ComputeLineStarts(text);
    }

    public string File { get; }

    public string Text { get; }

    public bool HadByteOrderMark { get; }

    /// <summary>Offsets (in <see cref="Text"/>) of the U+FFFD characters that replaced invalid bytes.</summary>
    public IReadOnlyList<int> InvalidByteOffsets { get; }

    public int Length => Text.Length;

    public int LineCount => lineStarts.Length;

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
        return new SourcePosition(line + 1, offset - lineStarts[line] + 1);
    }

    public SourceRange GetRange(int start, int end)
    {
        var line = LineIndex(start);
        var startPosition = new SourcePosition(line + 1, start - lineStarts[line] + 1);

        // Most ranges end on the line they start on: no second search then.
        if (end >= start && (line + 1 == lineStarts.Length || end < lineStarts[line + 1]))
        {
            return new SourceRange(startPosition, new SourcePosition(line + 1, end - lineStarts[line] + 1));
        }

        return new SourceRange(startPosition, GetPosition(end));
    }

    /// <summary>The offset at which a 1-based line starts.</summary>
    public int GetLineStart(int line) => lineStarts[line - 1];

    /// <summary>The 0-based index of the line holding an offset (offsets before the text map to line 0).</summary>
    private int LineIndex(int offset)
    {
        var starts = lineStarts;
        int lo = 0, hi = starts.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private static int[] ComputeLineStarts(string text)
    {
        var span = text.AsSpan();
        var starts = new int[span.Count('\n') + 1];
        var line = 1;
        var offset = 0;
        while (true)
        {
            var next = span[offset..].IndexOf('\n');
            if (next < 0)
            {
                return starts;
            }

            offset += next + 1;
            starts[line++] = offset;
        }
    }
}
