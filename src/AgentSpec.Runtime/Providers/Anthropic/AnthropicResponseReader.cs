using System.Text;
using System.Text.Json;
using AgentSpec.Runtime.Conversation;

namespace AgentSpec.Runtime.Providers.Anthropic;

/// <summary>Maps Anthropic responses (whole messages and stream events) to the neutral shape (spec §3.2).</summary>
public sealed class AnthropicResponseReader
{
    private readonly StringBuilder _text = new();
    private readonly List<ToolCallRequest> _calls = new();
    private readonly Dictionary<int, (string Id, string Name, StringBuilder Json)> _open = new();
    private string _stop = "end_turn";
    private long _input;
    private long _output;
    private long _cacheRead;
    private long _cacheWrite;

    public static ModelResponse FromMessage(IReadOnlyDictionary<string, JsonElement> raw)
    {
        var reader = new AnthropicResponseReader();
        if (raw.TryGetValue("content", out var content) && content.ValueKind == JsonValueKind.Array)
        {
            foreach (var block in content.EnumerateArray())
            {
                var type = block.GetProperty("type").GetString();
                if (type == "text") reader._text.Append(block.GetProperty("text").GetString());
                else if (type == "tool_use")
                {
                    reader._calls.Add(new ToolCallRequest(block.GetProperty("id").GetString() ?? "", block.GetProperty("name").GetString() ?? "",
                        block.TryGetProperty("input", out var input) && input.ValueKind == JsonValueKind.Object ? input.Clone() : null,
                        block.TryGetProperty("input", out var rawInput) ? rawInput.GetRawText() : null));
                }
            }
        }
        if (raw.TryGetValue("stop_reason", out var stop) && stop.ValueKind == JsonValueKind.String) reader._stop = MapStop(stop.GetString());
        if (raw.TryGetValue("usage", out var usage)) reader.ReadUsage(usage);
        return reader.Result();
    }

    /// <summary>Consumes one stream event; text deltas go to <paramref name="onDelta"/>.</summary>
    public void Consume(JsonElement e, Action<string>? onDelta)
    {
        switch (e.GetProperty("type").GetString())
        {
            case "message_start":
                if (e.TryGetProperty("message", out var m) && m.TryGetProperty("usage", out var u)) ReadUsage(u);
                break;
            case "content_block_start":
                var block = e.GetProperty("content_block");
                if (block.GetProperty("type").GetString() == "tool_use")
                {
                    _open[e.GetProperty("index").GetInt32()] = (block.GetProperty("id").GetString() ?? "", block.GetProperty("name").GetString() ?? "", new StringBuilder());
                }
                break;
            case "content_block_delta":
                var delta = e.GetProperty("delta");
                var kind = delta.GetProperty("type").GetString();
                if (kind == "text_delta")
                {
                    var text = delta.GetProperty("text").GetString() ?? "";
                    _text.Append(text);
                    if (text.Length > 0) onDelta?.Invoke(text);
                }
                else if (kind == "input_json_delta" && _open.TryGetValue(e.GetProperty("index").GetInt32(), out var open))
                {
                    open.Json.Append(delta.GetProperty("partial_json").GetString());
                }
                break;
            case "content_block_stop":
                var index = e.GetProperty("index").GetInt32();
                if (_open.Remove(index, out var done))
                {
                    var json = done.Json.Length == 0 ? "{}" : done.Json.ToString();
                    _calls.Add(new ToolCallRequest(done.Id, done.Name, ParseObject(json), json));
                }
                break;
            case "message_delta":
                if (e.TryGetProperty("delta", out var md) && md.TryGetProperty("stop_reason", out var sr) && sr.ValueKind == JsonValueKind.String) _stop = MapStop(sr.GetString());
                if (e.TryGetProperty("usage", out var mu)) ReadUsage(mu);
                break;
        }
    }

    public ModelResponse Result() => new(_text.ToString(), _calls.ToList(), _stop, new TokenUsage(_input, _output, _cacheRead, _cacheWrite));

    private void ReadUsage(JsonElement usage)
    {
        if (usage.TryGetProperty("input_tokens", out var i) && i.ValueKind == JsonValueKind.Number) _input = i.GetInt64();
        if (usage.TryGetProperty("output_tokens", out var o) && o.ValueKind == JsonValueKind.Number) _output = o.GetInt64();
        if (usage.TryGetProperty("cache_read_input_tokens", out var r) && r.ValueKind == JsonValueKind.Number) _cacheRead = r.GetInt64();
        if (usage.TryGetProperty("cache_creation_input_tokens", out var w) && w.ValueKind == JsonValueKind.Number) _cacheWrite = w.GetInt64();
    }

    private static JsonElement? ParseObject(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string MapStop(string? reason) => reason switch
    {
        "tool_use" => "tool_use",
        "max_tokens" => "max_tokens",
        "stop_sequence" => "stop_sequence",
        "refusal" => "content_filter",
        _ => "end_turn",
    };
}
