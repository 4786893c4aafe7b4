using System.Text;
using System.Text.Json;
using AgentSpec.Runtime.Configuration;
using AgentSpec.Runtime.Logging;
using AgentSpec.RuntimeModel;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentSpec.Runtime.Tools.Mcp;

/// <summary>
/// One MCP server connection (spec §5.5) through the official SDK: connects in the background, lists its tools, and
/// reconnects with backoff (1 s doubling to 30 s) after a failure or disconnect.
/// </summary>
public sealed class McpConnection : IAsyncDisposable
{
    private readonly ServerDefinition _server;
    private readonly RuntimeEnvironment _env;
    private readonly IReadOnlyDictionary<string, SecretBinding> _secrets;
    private readonly RuntimeLog _log;
    private readonly string _version;
    private readonly CancellationTokenSource _stop = new();
    private volatile McpClient? _client;
    private volatile IReadOnlyDictionary<string, Tool> _tools = new Dictionary<string, Tool>();
    private Task? _loop;

    public McpConnection(string name, ServerDefinition server, RuntimeEnvironment env, IReadOnlyDictionary<string, SecretBinding> secrets,
        RuntimeLog log, string version)
    {
        Name = name;
        _server = server;
        _env = env;
        _secrets = secrets;
        _log = log;
        _version = version;
    }

    public string Name { get; }

    public bool Connected => _client is not null;

    public bool EverConnected { get; private set; }

    public string LastError { get; private set; } = "connecting";

    public IReadOnlyDictionary<string, Tool> Tools => _tools;

    /// <summary>Raised after every connect and disconnect (health is recomputed).</summary>
    public event Action? StateChanged;

    public void Start() => _loop ??= Task.Run(RunAsync);

    public async Task<ToolOutcome> CallAsync(string tool, JsonElement input, CancellationToken cancellationToken)
    {
        var client = _client;
        if (client is null) return ToolOutcome.Failure($"MCP server {Name} not connected");
        var arguments = input.ValueKind == JsonValueKind.Object
            ? input.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone())
            : new Dictionary<string, object?>();
        try
        {
            var result = await client.CallToolAsync(tool, arguments, cancellationToken: cancellationToken).ConfigureAwait(false);
            var text = Render(result);
            return result.IsError == true ? ToolOutcome.Failure(text) : ToolOutcome.Success(text);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ToolOutcome.Failure($"MCP server {Name}: {ex.Message}");
        }
    }

    /// <summary>Text items joined with newlines; structured content without text as JSON; media as <c>[mime, n bytes]</c>.</summary>
    public static string Render(CallToolResult result)
    {
        var parts = new List<string>();
        foreach (var block in result.Content)
        {
            switch (block)
            {
                case TextContentBlock t: parts.Add(t.Text); break;
                case ImageContentBlock i: parts.Add($"[{i.MimeType}, {i.DecodedData.Length} bytes]"); break;
                case AudioContentBlock a: parts.Add($"[{a.MimeType}, {a.DecodedData.Length} bytes]"); break;
                case EmbeddedResourceBlock { Resource: TextResourceContents r }: parts.Add(r.Text); break;
            }
        }
        if (parts.Count == 0 && result.StructuredContent is { } structured) return structured.GetRawText();
        return string.Join("\n", parts);
    }

    private async Task RunAsync()
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var client = await McpClient.CreateAsync(CreateTransport(), new McpClientOptions
                {
                    ClientInfo = new Implementation { Name = "agentspec", Version = _version },
                }, null, _stop.Token).ConfigureAwait(false);
                await ListToolsAsync(client).ConfigureAwait(false);
                await using var listChanged = client.RegisterNotificationHandler("notifications/tools/list_changed", async (_, ct) =>
                {
                    await ListToolsAsync(client).ConfigureAwait(false);
                    StateChanged?.Invoke();
                });
                _client = client;
                EverConnected = true;
                LastError = "";
                delay = TimeSpan.FromSeconds(1);
                _log.Info("mcp connected", new LogField("server", Name), new LogField("tools", _tools.Count));
                StateChanged?.Invoke();
                await client.Completion.WaitAsync(_stop.Token).ConfigureAwait(false);
                LastError = "disconnected";
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LastError = ex.Message;
            }
            var previous = _client;
            _client = null;
            if (previous is not null)
            {
                _log.Warn("mcp disconnected", new LogField("server", Name), new LogField("error", LastError));
                await DisposeQuietlyAsync(previous).ConfigureAwait(false);
            }
            StateChanged?.Invoke();
            try
            {
                await Task.Delay(delay, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
        }
    }

    /// <summary>Lists every page of the server's tools (on connect and on <c>tools/list_changed</c>).</summary>
    private async Task ListToolsAsync(McpClient client)
    {
        var tools = await client.ListToolsAsync(cancellationToken: _stop.Token).ConfigureAwait(false);
        _tools = tools.ToDictionary(t => t.Name, t => t.ProtocolTool, StringComparer.Ordinal);
    }

    private IClientTransport CreateTransport()
    {
        if (_server.Transport == "stdio")
        {
            var env = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["PATH"] = _env.Get("PATH"),
                ["HOME"] = _env.Get("HOME"),
            };
            foreach (var (k, v) in _server.Env) env[k] = v;
            return new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = Name,
                Command = _server.Command ?? "",
                Arguments = _server.Args,
                EnvironmentVariables = env,
                InheritEnvironmentVariables = false,
                StandardErrorLines = line => _log.Debug("mcp stderr", new LogField("server", Name), new LogField("line", line)),
            }, null);
        }
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_server.Auth is { } auth && _secrets.TryGetValue(auth, out var binding) && _env.Get(binding.Env) is { } token)
        {
            headers["Authorization"] = "Bearer " + token;
        }
        return new HttpClientTransport(new HttpClientTransportOptions
        {
            Name = Name,
            Endpoint = new Uri(_server.Url ?? ""),
            TransportMode = _server.Transport == "sse" ? HttpTransportMode.Sse : HttpTransportMode.StreamableHttp,
            AdditionalHeaders = headers,
        }, null);
    }

    private static async Task DisposeQuietlyAsync(McpClient client)
    {
        try
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The session is already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
        if (_client is { } client) await DisposeQuietlyAsync(client).ConfigureAwait(false);
        _stop.Dispose();
    }

    public override string ToString() => new StringBuilder("mcp:").Append(Name).ToString();
}
