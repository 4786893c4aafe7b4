namespace AgentSpec.Runtime.Conversation;

/// <summary>The result of one tool call as sent back to the model.</summary>
public sealed record ToolResultItem(string ToolCallId, string Content, bool IsError);
