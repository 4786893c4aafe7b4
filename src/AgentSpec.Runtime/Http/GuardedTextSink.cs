using System.Text.Json.Nodes;
using AgentSpec.Runtime.Execution;

namespace AgentSpec.Runtime.Http;

/// <summary>
/// For agents with a block-mode guardrail (spec §2.8): <c>text</c> events are held back until the final check, then
/// released as generated, or replaced by the guardrail's fallback text when the output was blocked.
/// </summary>
public sealed class GuardedTextSink : IInvocationEventSink
{
    private readonly IInvocationEventSink _inner;
    private readonly List<JsonObject> _held = new();

    public GuardedTextSink(IInvocationEventSink inner) => _inner = inner;

    public void Emit(string type, JsonObject data)
    {
        if (type == "text")
        {
            lock (_held) _held.Add(data);
            return;
        }
        _inner.Emit(type, data);
    }

    /// <summary>Releases the held text (or, when <paramref name="blocked"/>, only <paramref name="output"/>).</summary>
    public void Release(bool blocked, string output)
    {
        List<JsonObject> held;
        lock (_held)
        {
            held = _held.ToList();
            _held.Clear();
        }
        if (blocked)
        {
            if (output.Length > 0) _inner.Emit("text", new JsonObject { ["text"] = output });
            return;
        }
        foreach (var data in held) _inner.Emit("text", data);
    }
}
