using AgentSpec.Runtime.Conversation;
using global::OpenAI.Chat;
using SdkMessage = OpenAI.Chat.ChatMessage;

namespace AgentSpec.Runtime.Providers.OpenAI;

/// <summary>Maps neutral requests to OpenAI chat-completions messages, tools and options (spec §3.2, §3.4).</summary>
public static class OpenAIMessageMapper
{
    public static List<SdkMessage> Messages(ModelRequest request)
    {
        var messages = new List<SdkMessage>();
        if (request.System.Length > 0) messages.Add(new SystemChatMessage(request.System));
        foreach (var m in request.Messages)
        {
            switch (m.Role)
            {
                case MessageRole.User:
                    messages.Add(new UserChatMessage(m.Text));
                    break;
                case MessageRole.Assistant when m.ToolCalls.Count > 0:
                    var assistant = new AssistantChatMessage(m.ToolCalls.Select(c => ChatToolCall.CreateFunctionToolCall(c.Id, c.Name,
                        BinaryData.FromString(c.Input?.GetRawText() ?? c.RawArguments ?? "{}"))).ToList());
                    if (m.Text.Length > 0) assistant.Content.Add(ChatMessageContentPart.CreateTextPart(m.Text));
                    messages.Add(assistant);
                    break;
                case MessageRole.Assistant:
                    messages.Add(new AssistantChatMessage(m.Text));
                    break;
                case MessageRole.ToolResults:
                    foreach (var r in m.Results) messages.Add(new ToolChatMessage(r.ToolCallId, r.IsError ? "ERROR: " + r.Content : r.Content));
                    break;
            }
        }
        return messages;
    }

    public static ChatCompletionOptions Options(string model, ModelRequest request)
    {
        var options = new ChatCompletionOptions { MaxOutputTokenCount = request.MaxTokens };
        if (request.Temperature is double t && !ModelRouter.IsOSeries(model)) options.Temperature = (float)t;
        foreach (var tool in request.Tools)
        {
            options.Tools.Add(ChatTool.CreateFunctionTool(tool.Name, tool.Description, BinaryData.FromString(tool.InputSchema.ToJsonString())));
        }
        return options;
    }

    public static string MapFinish(ChatFinishReason? reason) => reason switch
    {
        ChatFinishReason.ToolCalls or ChatFinishReason.FunctionCall => "tool_use",
        ChatFinishReason.Length => "max_tokens",
        ChatFinishReason.ContentFilter => "content_filter",
        _ => "end_turn",
    };

    public static TokenUsage Usage(ChatTokenUsage? usage) => usage is null
        ? default
        : new TokenUsage(usage.InputTokenCount, usage.OutputTokenCount, usage.InputTokenDetails?.CachedTokenCount ?? 0, 0);
}
