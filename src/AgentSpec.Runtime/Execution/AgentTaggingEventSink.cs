using System.Text.Json.Nodes;

namespace AgentSpec.Runtime.Execution;

/// <summary>Forwards a nested agent's events with an <c>agent</c> field (spec §2.8).</summary>
public sealed class AgentTaggingEventSink : IInvocationEventSink
{
    private readonly IInvocationEventSink _inner;
    private readonly string _agent;

    public AgentTaggingEventSink(IInvocationEventSink inner, string agent)
    {
        _inner = inner;
        _agent = agent;
    }

    public void Emit(string type, JsonObject data)
    {
        if (type == "done") return;
        data["agent"] ??= _agent;
        _inner.Emit(type, data);
    }
}
