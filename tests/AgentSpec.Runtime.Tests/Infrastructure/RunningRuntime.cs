using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentSpec.Runtime.Configuration;
using AgentSpec.Runtime.Hosting;
using AgentSpec.RuntimeModel;

namespace AgentSpec.Runtime.Tests.Infrastructure;

/// <summary>A runtime serving a document on 127.0.0.1:&lt;ephemeral&gt; in-process, with captured logs.</summary>
public sealed class RunningRuntime : IAsyncDisposable
{
    private RunningRuntime(RuntimeServer server, SyncStringWriter log)
    {
        Server = server;
        Log = log;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public RuntimeServer Server { get; }
    public SyncStringWriter Log { get; }
    public HttpClient Client { get; }

    /// <summary>Starts a runtime for <paramref name="documentJson"/> with the given environment (PATH and HOME are added).</summary>
    public static async Task<RunningRuntime> StartAsync(string documentJson, IDictionary<string, string>? env = null,
        bool noRetryDelay = true, Func<DateTimeOffset>? clock = null, IReadOnlyList<string>? cors = null)
    {
        var document = RuntimeDocumentSerializer.Deserialize(documentJson, "test");
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? "/tmp",
            ["LOG_LEVEL"] = "debug",
        };
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) variables[k] = v;
        var log = new SyncStringWriter();
        var server = RuntimeServer.Create(new RuntimeServerOptions
        {
            Document = document,
            Environment = new RuntimeEnvironment(variables),
            Host = "127.0.0.1",
            Port = 0,
            LogWriter = log,
            Delay = noRetryDelay ? (_, ct) => Task.Delay(1, ct) : null,
            Clock = clock,
            CorsOrigins = cors ?? [],
        });
        await server.StartAsync();
        return new RunningRuntime(server, log);
    }

    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(string path, object? body,
        IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null)
        {
            var text = body as string ?? JsonSerializer.Serialize(body);
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }
        foreach (var (k, v) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(k, v);
        var response = await Client.SendAsync(request);
        var content = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, content.Length > 0 ? JsonNode.Parse(content) : null, response);
    }

    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> GetAsync(string path, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (k, v) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(k, v);
        var response = await Client.SendAsync(request);
        var content = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json" && content.Length > 0) body = JsonNode.Parse(content);
        return ((int)response.StatusCode, body, response);
    }

    public async Task<string> MetricsAsync() => await Client.GetStringAsync("/v1/metrics");

    /// <summary>Posts to a stream route and returns the parsed SSE events (name, data) in order.</summary>
    public async Task<List<(string Event, JsonObject Data)>> StreamAsync(string agent, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/agents/{agent}/stream")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            throw new InvalidOperationException($"not a stream: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return SseParser.Parse(await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
