using AgentSpec.Runtime.Conversation;

namespace AgentSpec.Runtime.Execution;

/// <summary>A request to run one agent (top-level or nested).</summary>
public sealed class InvocationRequest
{
    public required string Agent { get; init; }
    public required string Message { get; init; }
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<ChatMessage> History { get; init; } = [];
    public required string CorrelationId { get; init; }

    /// <summary>invoke, stream, session, pipeline, delegate, route or fallback (the metrics <c>source</c> label).</summary>
    public string Source { get; init; } = "invoke";

    /// <summary>Agents already on the nesting chain (outermost first).</summary>
    public IReadOnlyList<string> Chain { get; init; } = [];

    public IInvocationEventSink? Events { get; init; }

    /// <summary>The system prompt already rendered by the HTTP layer (so that variable errors answer 400 first).</summary>
    public string? RenderedSystem { get; init; }
}
