namespace AgentSpec.Runtime.Conversation;

/// <summary>A provider-neutral model answer; <c>StopReason</c> is end_turn, tool_use, max_tokens, stop_sequence or content_filter.</summary>
public sealed record ModelResponse(string Text, IReadOnlyList<ToolCallRequest> ToolCalls, string StopReason, TokenUsage Usage);
