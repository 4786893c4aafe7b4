using System.Net.Http;
using global::Anthropic;
using global::Anthropic.Core;
using global::Anthropic.Exceptions;
using global::Anthropic.Models.Messages;
using AgentSpec.Runtime.Conversation;

namespace AgentSpec.Runtime.Providers.Anthropic;

/// <summary>Anthropic Messages API through the official Anthropic .NET SDK (SDK retries disabled; spec §3.5 retries).</summary>
public sealed class AnthropicProvider : IModelProvider
{
    private static readonly Dictionary<string, System.Text.Json.JsonElement> NoRaw = new();
    private readonly AnthropicClient _client;

    public AnthropicProvider(string? apiKey, string? baseUrl)
    {
        var options = new ClientOptions { ApiKey = apiKey ?? "", MaxRetries = 0, HttpClient = ProviderRequestHandler.CreateClient() };
        if (!string.IsNullOrEmpty(baseUrl)) options = options with { BaseUrl = baseUrl.TrimEnd('/') };
        _client = new AnthropicClient(options);
    }

    public string Name => "anthropic";

    public async Task<ModelResponse> CallAsync(string model, ModelRequest request, Action<string>? onDelta, CancellationToken cancellationToken)
    {
        var scope = ProviderCallScope.Begin(request.CorrelationId);
        var body = AnthropicRequestBuilder.ToRaw(AnthropicRequestBuilder.Build(model, request));
        var parameters = MessageCreateParams.FromRawUnchecked(NoRaw, NoRaw, body);
        try
        {
            if (!request.Stream)
            {
                var message = await _client.Messages.Create(parameters, cancellationToken).ConfigureAwait(false);
                return AnthropicResponseReader.FromMessage(message.RawData);
            }
            var reader = new AnthropicResponseReader();
            await foreach (var e in _client.Messages.CreateStreaming(parameters, cancellationToken).ConfigureAwait(false))
            {
                reader.Consume(e.Json, onDelta);
            }
            return reader.Result();
        }
        catch (AnthropicApiException ex)
        {
            throw new ProviderException(Name, model, (int)ex.StatusCode, Truncate(ex.ResponseBody ?? ex.Message), scope.RetryAfter);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or AnthropicException)
        {
            throw new ProviderException(Name, model, null, Truncate(ex.Message), null, ex);
        }
    }

    private static string Truncate(string text) => text.Length > 1024 ? text[..1024] : text;
}
