using AgentSpec.Runtime.Conversation;

namespace AgentSpec.Runtime.Execution;

/// <summary>A successful invocation (spec §2.7).</summary>
public sealed class InvocationOutcome
{
    public required string Output { get; init; }
    public required IReadOnlyList<ToolCallRecord> ToolCalls { get; init; }
    public required TokenUsage Tokens { get; init; }
    public required int Turns { get; init; }
    public required string StopReason { get; init; }
    public required string Model { get; init; }
    public required int Attempts { get; init; }
    public required long DurationMs { get; init; }
    public string? RoutedTo { get; init; }
    public string? HandledBy { get; init; }
    public string? FallbackFrom { get; init; }
    public IReadOnlyList<string> FallbackModels { get; init; } = [];
    public GuardrailHit? Guardrail { get; init; }
}
