namespace AgentSpec.Runtime.Conversation;

/// <summary>Roles of the provider-neutral conversation (spec §3.2).</summary>
public enum MessageRole
{
    User,
    Assistant,
    ToolResults,
}
