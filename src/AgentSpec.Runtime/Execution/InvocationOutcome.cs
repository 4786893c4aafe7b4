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

    /// <summary>This outcome with <paramref name="extra"/> tokens added (a session summary call, spec §4.12).</summary>
    public InvocationOutcome WithExtraTokens(TokenUsage extra) => new()
    {
        Output = Output, ToolCalls = ToolCalls, Tokens = Tokens + extra, Turns = Turns, StopReason = StopReason, Model = Model,
        Attempts = Attempts, DurationMs = DurationMs, RoutedTo = RoutedTo, HandledBy = HandledBy, FallbackFrom = FallbackFrom,
        FallbackModels = FallbackModels, Guardrail = Guardrail,
    };
}
