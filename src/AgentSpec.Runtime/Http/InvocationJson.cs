using System.Text.Json.Nodes;
using AgentSpec.Runtime.Conversation;
using AgentSpec.Runtime.Execution;

namespace AgentSpec.Runtime.Http;

/// <summary>JSON shapes of invocation results (spec §2.7, §2.8).</summary>
public static class InvocationJson
{
    public static JsonObject Response(InvocationOutcome o, string sessionId)
    {
        var json = new JsonObject
        {
            ["output"] = o.Output,
            ["tool_calls"] = ToolCalls(o.ToolCalls),
            ["tokens"] = Tokens(o.Tokens),
            ["turns"] = o.Turns,
            ["duration_ms"] = o.DurationMs,
            ["session_id"] = sessionId,
            ["usage"] = new JsonObject { ["input_tokens"] = o.Tokens.Input, ["output_tokens"] = o.Tokens.Output, ["total_tokens"] = o.Tokens.Total },
            ["stop_reason"] = o.StopReason,
            ["model"] = o.Model,
            ["attempts"] = o.Attempts,
        };
        if (o.RoutedTo is not null) json["routed_to"] = o.RoutedTo;
        if (o.HandledBy is not null) json["handled_by"] = o.HandledBy;
        if (o.FallbackFrom is not null) json["fallback_from"] = o.FallbackFrom;
        if (o.FallbackModels.Count > 0) json["fallback_models"] = new JsonArray(o.FallbackModels.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray());
        if (o.Guardrail is { } g) json["guardrail"] = new JsonObject { ["name"] = g.Name, ["mode"] = g.Mode, ["blocked"] = g.Blocked };
        return json;
    }

    public static JsonObject Done(InvocationOutcome o, string sessionId) => new()
    {
        ["output"] = o.Output,
        ["tokens"] = Tokens(o.Tokens),
        ["turns"] = o.Turns,
        ["duration_ms"] = o.DurationMs,
        ["session_id"] = sessionId,
        ["stop_reason"] = o.StopReason,
        ["tool_calls"] = ToolCalls(o.ToolCalls),
    };

    public static JsonObject Tokens(TokenUsage t) => new()
    {
        ["input"] = t.Input,
        ["output"] = t.Output,
        ["cache_read"] = t.CacheRead,
        ["cache_write"] = t.CacheWrite,
        ["total"] = t.Total,
    };

    public static JsonObject Partial(PartialResult p) => new()
    {
        ["output"] = p.Output,
        ["turns"] = p.Turns,
        ["tokens"] = Tokens(p.Tokens),
        ["tool_calls"] = ToolCalls(p.ToolCalls),
    };

    public static JsonArray ToolCalls(IReadOnlyList<ToolCallRecord> records)
    {
        var array = new JsonArray();
        foreach (var r in records)
        {
            var item = new JsonObject
            {
                ["id"] = r.Id,
                ["tool_name"] = r.ToolName,
                ["input"] = AttemptContext.ToNode(r.Input),
                ["output"] = r.Output,
                ["duration_ms"] = r.DurationMs,
            };
            if (r.Error is not null) item["error"] = r.Error;
            if (r.Agent is not null) item["agent"] = r.Agent;
            array.Add(item);
        }
        return array;
    }
}
