using System.Text;
using System.Text.Json;
using AgentSpec.Runtime.Conversation;
using AgentSpec.Runtime.Tools;

namespace AgentSpec.Runtime.Providers.Mock;

/// <summary>The deterministic <c>mock/…</c> provider family (spec §3.7): <c>echo</c> and <c>scripted[/name]</c>.</summary>
public sealed class MockProvider : IModelProvider
{
    private readonly MockScriptBook _scripts;

    public MockProvider(MockScriptBook scripts) => _scripts = scripts;

    public string Name => "mock";

    /// <summary>The script name of a mock model ID, or null for <c>echo</c>; throws for unknown mock models.</summary>
    public static string? ScriptName(string modelId)
    {
        if (modelId.Equals("echo", StringComparison.OrdinalIgnoreCase)) return null;
        if (modelId.Equals("scripted", StringComparison.OrdinalIgnoreCase)) return "default";
        if (modelId.StartsWith("scripted/", StringComparison.OrdinalIgnoreCase)) return modelId["scripted/".Length..];
        throw new FormatException($"unknown mock model \"mock/{modelId}\" (expected mock/echo, mock/scripted or mock/scripted/<name>)");
    }

    public async Task<ModelResponse> CallAsync(string model, ModelRequest request, Action<string>? onDelta, CancellationToken cancellationToken)
    {
        var script = ScriptName(model);
        if (script is null) return Answer(EchoText(request), [], null, null, request, onDelta);
        var (step, call) = _scripts.Next(script);
        if (step.DelayMs > 0) await Task.Delay(step.DelayMs, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (step.Expect is { } expect && Unmet(expect, request) is { } which)
        {
            throw new ProviderException("mock", model, 400, $"mock expectation failed: {which}");
        }
        if (step.Error is { } error)
        {
            throw new ProviderException("mock", model, error.Status, error.Message,
                error.RetryAfterSeconds is double s ? TimeSpan.FromSeconds(s) : null);
        }
        var calls = new List<ToolCallRequest>();
        for (var k = 0; k < step.ToolCalls.Count; k++)
        {
            var (name, input, id) = step.ToolCalls[k];
            calls.Add(new ToolCallRequest(id ?? $"mock_{call}_{k + 1}", ToolNameSanitizer.Sanitize(name), input));
        }
        var text = step.Echo ? EchoText(request) : step.Text ?? "";
        return Answer(text, calls, step.StopReason, step.Usage, request, onDelta);
    }

    private static ModelResponse Answer(string text, List<ToolCallRequest> calls, string? stopReason, TokenUsage? usage,
        ModelRequest request, Action<string>? onDelta)
    {
        if (onDelta is not null && text.Length > 0)
        {
            foreach (var delta in SplitWords(text)) onDelta(delta);
        }
        var computed = usage ?? new TokenUsage(InputWords(request),
            WordCounter.Count(text) + calls.Sum(c => WordCounter.Count(c.Input?.GetRawText())));
        return new ModelResponse(text, calls, stopReason ?? (calls.Count > 0 ? "tool_use" : "end_turn"), computed);
    }

    /// <summary>The text of the last user message; after a tool-results message, the concatenated results.</summary>
    public static string EchoText(ModelRequest request)
    {
        for (var i = request.Messages.Count - 1; i >= 0; i--)
        {
            var m = request.Messages[i];
            if (m.Role == MessageRole.User) return m.Text;
            if (m.Role == MessageRole.ToolResults) return string.Concat(m.Results.Select(r => r.Content));
        }
        return "";
    }

    /// <summary>One delta per word: the word and the whitespace that follows it.</summary>
    public static IEnumerable<string> SplitWords(string text)
    {
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            yield return text[start..i];
            start = i;
        }
    }

    private static long InputWords(ModelRequest request)
    {
        long n = WordCounter.Count(request.System);
        foreach (var m in request.Messages)
        {
            n += WordCounter.Count(m.Text);
            foreach (var r in m.Results) n += WordCounter.Count(r.Content);
        }
        return n;
    }

    private static string MessageText(ChatMessage m) =>
        m.Role == MessageRole.ToolResults ? string.Join("\n", m.Results.Select(r => r.Content)) : m.Text;

    private static string? Unmet(MockExpectation expect, ModelRequest request)
    {
        if (expect.SystemContains is { } s && !request.System.Contains(s, StringComparison.Ordinal)) return $"system_contains \"{s}\"";
        if (expect.LastMessageContains is { } l)
        {
            var last = request.Messages.Count > 0 ? MessageText(request.Messages[^1]) : "";
            if (!last.Contains(l, StringComparison.Ordinal)) return $"last_message_contains \"{l}\"";
        }
        if (expect.HistoryContains is { } h && !request.Messages.Any(m => MessageText(m).Contains(h, StringComparison.Ordinal)))
        {
            return $"history_contains \"{h}\"";
        }
        var sb = new StringBuilder();
        foreach (var tool in expect.ToolsInclude)
        {
            var wanted = ToolNameSanitizer.Sanitize(tool);
            if (!request.Tools.Any(t => t.Name == wanted)) sb.Append(sb.Length > 0 ? ", " : "").Append(tool);
        }
        return sb.Length > 0 ? $"tools_include {sb}" : null;
    }
}
