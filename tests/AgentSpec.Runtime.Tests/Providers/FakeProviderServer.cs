using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AgentSpec.Runtime.Tests.Providers;

/// <summary>
/// A loopback fake of a provider endpoint (Anthropic <c>/v1/messages</c> or OpenAI <c>/v1/chat/completions</c>):
/// checks the key, records requests, answers from a queue (the last answer repeats).
/// </summary>
public sealed class FakeProviderServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeResponse> _queue = new();
    private FakeResponse? _last;

    private FakeProviderServer(WebApplication app) => _app = app;

    public ConcurrentQueue<(JsonObject Body, IHeaderDictionary Headers)> Requests { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public int Calls => Requests.Count;

    public static Task<FakeProviderServer> AnthropicAsync(string key) =>
        // This SDK version sends the key as "Authorization: Bearer"; the API also accepts "x-api-key".
        StartAsync("/v1/messages", h => (h["x-api-key"] == key || h.Authorization == $"Bearer {key}") && !string.IsNullOrEmpty(h["anthropic-version"]),
            "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}");

    public static Task<FakeProviderServer> OpenAIAsync(string key) =>
        StartAsync("/v1/chat/completions", h => h.Authorization == $"Bearer {key}",
            "{\"error\":{\"message\":\"Incorrect API key\",\"type\":\"invalid_request_error\"}}");

    public void Enqueue(params FakeResponse[] responses)
    {
        foreach (var r in responses) _queue.Enqueue(r);
    }

    private static async Task<FakeProviderServer> StartAsync(string path, Func<IHeaderDictionary, bool> authorized, string unauthorizedBody)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeProviderServer(app);
        app.Run(async context =>
        {
            if (context.Request.Path != path || context.Request.Method != "POST")
            {
                context.Response.StatusCode = 404;
                return;
            }
            var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var headers = new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value));
            fake.Requests.Enqueue((JsonNode.Parse(text)!.AsObject(), headers));
            if (!authorized(context.Request.Headers))
            {
                context.Response.StatusCode = 401;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(unauthorizedBody);
                return;
            }
            var response = fake._queue.TryDequeue(out var next) ? fake._last = next : fake._last
                ?? throw new InvalidOperationException("fake provider has no scripted response");
            await fake.AnswerAsync(context, response);
        });
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First();
        return fake;
    }

    private async Task AnswerAsync(HttpContext context, FakeResponse response)
    {
        if (response.Stall)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
            return;
        }
        context.Response.StatusCode = response.Status;
        foreach (var (k, v) in response.Headers ?? new Dictionary<string, string>()) context.Response.Headers[k] = v;
        if (response.SseData is { } events)
        {
            context.Response.ContentType = "text/event-stream";
            foreach (var data in events)
            {
                var node = data == "[DONE]" ? null : JsonNode.Parse(data);
                var name = node?["type"]?.GetValue<string>();
                var frame = (name is not null && !data.Contains("\"object\":\"chat.completion.chunk\"", StringComparison.Ordinal) ? $"event: {name}\n" : "") + $"data: {data}\n\n";
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(frame));
                await context.Response.Body.FlushAsync();
            }
            return;
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.Json ?? "{}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
