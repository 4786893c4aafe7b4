using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using AgentSpec.Runtime.Conversation;
using global::OpenAI;
using global::OpenAI.Chat;

namespace AgentSpec.Runtime.Providers.OpenAI;

/// <summary>
/// OpenAI chat completions through the official OpenAI .NET SDK; also serves OpenAI-compatible servers and Ollama by
/// base URL (spec §3.1). SDK retries are disabled (spec §3.5 retries).
/// </summary>
public sealed class OpenAIProvider : IModelProvider
{
    private readonly ApiKeyCredential _credential;
    private readonly OpenAIClientOptions _options;
    private readonly ConcurrentDictionary<string, ChatClient> _clients = new(StringComparer.Ordinal);

    public OpenAIProvider(string name, string apiKey, string? baseUrl)
    {
        Name = name;
        _credential = new ApiKeyCredential(apiKey);
        _options = new OpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(0),
            Transport = new HttpClientPipelineTransport(ProviderRequestHandler.CreateClient()),
            NetworkTimeout = TimeSpan.FromMinutes(10),
        };
        if (!string.IsNullOrEmpty(baseUrl)) _options.Endpoint = new Uri(baseUrl);
    }

    public string Name { get; }

    public async Task<ModelResponse> CallAsync(string model, ModelRequest request, Action<string>? onDelta, CancellationToken cancellationToken)
    {
        var scope = ProviderCallScope.Begin(request.CorrelationId);
        var client = _clients.GetOrAdd(model, m => new ChatClient(m, _credential, _options));
        var messages = OpenAIMessageMapper.Messages(request);
        var options = OpenAIMessageMapper.Options(model, request);
        try
        {
            if (!request.Stream)
            {
                ChatCompletion completion = await client.CompleteChatAsync(messages, options, cancellationToken).ConfigureAwait(false);
                var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
                var calls = completion.ToolCalls.Select(c => Call(c.Id, c.FunctionName, c.FunctionArguments?.ToString() ?? "")).ToList();
                return new ModelResponse(text, calls, OpenAIMessageMapper.MapFinish(completion.FinishReason), OpenAIMessageMapper.Usage(completion.Usage));
            }
            return await StreamAsync(client, messages, options, onDelta, cancellationToken).ConfigureAwait(false);
        }
        catch (ClientResultException ex)
        {
            var body = ex.GetRawResponse()?.Content?.ToString() ?? ex.Message;
            throw new ProviderException(Name, model, ex.Status == 0 ? null : ex.Status, Truncate(body), scope.RetryAfter, ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            throw new ProviderException(Name, model, null, Truncate(ex.Message), null, ex);
        }
    }

    private static async Task<ModelResponse> StreamAsync(ChatClient client, List<global::OpenAI.Chat.ChatMessage> messages, ChatCompletionOptions options,
        Action<string>? onDelta, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var calls = new SortedDictionary<int, (string Id, string Name, StringBuilder Args)>();
        ChatFinishReason? finish = null;
        ChatTokenUsage? usage = null;
        await foreach (var update in client.CompleteChatStreamingAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            foreach (var part in update.ContentUpdate)
            {
                if (part.Kind != ChatMessageContentPartKind.Text || string.IsNullOrEmpty(part.Text)) continue;
                text.Append(part.Text);
                onDelta?.Invoke(part.Text);
            }
            foreach (var tc in update.ToolCallUpdates)
            {
                if (!calls.TryGetValue(tc.Index, out var call)) call = ("", "", new StringBuilder());
                if (!string.IsNullOrEmpty(tc.ToolCallId)) call.Id = tc.ToolCallId;
                if (!string.IsNullOrEmpty(tc.FunctionName)) call.Name = tc.FunctionName;
                if (tc.FunctionArgumentsUpdate is { } args) call.Args.Append(args.ToString());
                calls[tc.Index] = call;
            }
            if (update.FinishReason is { } f) finish = f;
            if (update.Usage is { } u) usage = u;
        }
        var neutral = calls.Values.Select(c => Call(c.Id, c.Name, c.Args.ToString())).ToList();
        return new ModelResponse(text.ToString(), neutral, OpenAIMessageMapper.MapFinish(finish), OpenAIMessageMapper.Usage(usage));
    }

    /// <summary>A tool call whose arguments are parsed; invalid JSON leaves <c>Input</c> null (never executed).</summary>
    private static ToolCallRequest Call(string id, string name, string arguments)
    {
        try
        {
            using var doc = JsonDocument.Parse(arguments.Length == 0 ? "{}" : arguments);
            return new ToolCallRequest(id, name, doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null, arguments);
        }
        catch (JsonException)
        {
            return new ToolCallRequest(id, name, null, arguments);
        }
    }

    private static string Truncate(string text) => text.Length > 1024 ? text[..1024] : text;
}
