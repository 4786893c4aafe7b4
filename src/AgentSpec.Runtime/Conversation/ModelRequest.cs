namespace AgentSpec.Runtime.Conversation;

/// <summary>One provider-neutral model call.</summary>
public sealed class ModelRequest
{
    public string System { get; init; } = "";
    public required IReadOnlyList<ChatMessage> Messages { get; init; }
    public IReadOnlyList<ModelToolSpec> Tools { get; init; } = [];
    public double? Temperature { get; init; }
    public int MaxTokens { get; init; } = 4096;
    public bool Stream { get; init; }
    public string CorrelationId { get; init; } = "";
}
