using System.Text.Json.Nodes;

namespace AgentSpec.Runtime.Execution;

/// <summary>Receives the stream events of an invocation (spec §2.8); <paramref name="data"/> excludes <c>type</c>.</summary>
public interface IInvocationEventSink
{
    void Emit(string type, JsonObject data);
}
