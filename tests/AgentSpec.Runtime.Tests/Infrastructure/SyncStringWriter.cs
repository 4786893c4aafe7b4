using System.Text;

namespace AgentSpec.Runtime.Tests.Infrastructure;

/// <summary>A thread-safe in-memory log sink.</summary>
public sealed class SyncStringWriter : TextWriter
{
    private readonly StringBuilder _sb = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_sb) _sb.Append(value);
    }

    public override void Write(string? value)
    {
        lock (_sb) _sb.Append(value);
    }

    public override string ToString()
    {
        lock (_sb) return _sb.ToString();
    }

    public string[] Lines() => ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
