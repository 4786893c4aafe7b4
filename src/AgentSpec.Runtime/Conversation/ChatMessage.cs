namespace AgentSpec.Runtime.Conversation;

/// <summary>One message of the provider-neutral conversation (spec §3.2).</summary>
public sealed class ChatMessage
{
    private ChatMessage(MessageRole role, string text, IReadOnlyList<ToolCallRequest> calls, IReadOnlyList<ToolResultItem> results)
    {
        Role = role;
        Text = text;
        ToolCalls = calls;
        Results = results;
    }

    public MessageRole Role { get; }
    public string Text { get; }
    public IReadOnlyList<ToolCallRequest> ToolCalls { get; }
    public IReadOnlyList<ToolResultItem> Results { get; }

    public static ChatMessage User(string text) => new(MessageRole.User, text, [], []);

    public static ChatMessage Assistant(string text, IReadOnlyList<ToolCallRequest>? calls = null) =>
        new(MessageRole.Assistant, text, calls ?? [], []);

    public static ChatMessage ToolResults(IReadOnlyList<ToolResultItem> results) => new(MessageRole.ToolResults, "", [], results);
}
