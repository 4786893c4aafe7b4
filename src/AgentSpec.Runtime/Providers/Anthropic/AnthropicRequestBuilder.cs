using System.Text.Json;
using System.Text.Json.Nodes;
using AgentSpec.Runtime.Conversation;

namespace AgentSpec.Runtime.Providers.Anthropic;

/// <summary>Maps a neutral request to an Anthropic Messages API body (spec §3.2).</summary>
public static class AnthropicRequestBuilder
{
    public static JsonObject Build(string model, ModelRequest request)
    {
        var body = new JsonObject { ["model"] = model, ["max_tokens"] = request.MaxTokens };
        if (request.System.Length > 0) body["system"] = request.System;
        var messages = new JsonArray();
        string? lastRole = null;
        JsonArray? lastContent = null;
        foreach (var message in request.Messages)
        {
            var role = message.Role == MessageRole.Assistant ? "assistant" : "user";
            var blocks = Blocks(message);
            if (blocks.Count == 0) continue;
            if (role == lastRole && lastContent is not null)
            {
                foreach (var b in blocks) lastContent.Add(b);
                continue;
            }
            lastContent = new JsonArray(blocks.ToArray());
            lastRole = role;
            messages.Add(new JsonObject { ["role"] = role, ["content"] = lastContent });
        }
        body["messages"] = messages;
        if (request.Tools.Count > 0)
        {
            body["tools"] = new JsonArray(request.Tools.Select(t => (JsonNode?)new JsonObject
            {
                ["name"] = t.Name,
                ["description"] = t.Description,
                ["input_schema"] = t.InputSchema.DeepClone(),
            }).ToArray());
        }
        if (request.Temperature is double temperature) body["temperature"] = Math.Min(1.0, temperature);
        return body;
    }

    private static List<JsonNode> Blocks(ChatMessage message)
    {
        var blocks = new List<JsonNode>();
        switch (message.Role)
        {
            case MessageRole.ToolResults:
                foreach (var r in message.Results)
                {
                    var block = new JsonObject { ["type"] = "tool_result", ["tool_use_id"] = r.ToolCallId, ["content"] = r.Content };
                    if (r.IsError) block["is_error"] = true;
                    blocks.Add(block);
                }
                break;
            default:
                if (message.Text.Length > 0) blocks.Add(new JsonObject { ["type"] = "text", ["text"] = message.Text });
                foreach (var call in message.ToolCalls)
                {
                    blocks.Add(new JsonObject
                    {
                        ["type"] = "tool_use",
                        ["id"] = call.Id,
                        ["name"] = call.Name,
                        ["input"] = call.Input is { } input ? JsonNode.Parse(input.GetRawText()) : new JsonObject(),
                    });
                }
                break;
        }
        return blocks;
    }

    /// <summary>The body as the raw dictionary the SDK's <c>FromRawUnchecked</c> takes.</summary>
    public static Dictionary<string, JsonElement> ToRaw(JsonObject body)
    {
        using var doc = JsonDocument.Parse(body.ToJsonString());
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }
}
