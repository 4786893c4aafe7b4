using AgentSpec.Runtime.Conversation;

namespace AgentSpec.Runtime.Execution;

/// <summary>What an attempt had produced when it timed out: <c>partial</c> of spec §2.3.</summary>
public sealed record PartialResult(string Output, int Turns, TokenUsage Tokens, IReadOnlyList<ToolCallRecord> ToolCalls);
