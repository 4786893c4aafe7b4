using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AgentSpec.Runtime.Configuration;
using AgentSpec.Runtime.Conversation;
using AgentSpec.Runtime.Security;
using AgentSpec.RuntimeModel;

namespace AgentSpec.Runtime.Tools.Http;

/// <summary>An <c>http</c> tool (spec §5.3): placeholders, SSRF guard at connect time, manual redirects, capped bodies.</summary>
public sealed class HttpTool : IAgentTool
{
    private const int BodyCap = 10 * 1024 * 1024;
    private const int ErrorCap = 4096;
    private readonly RuntimeToolDefinition _tool;
    private readonly HashSet<string> _fields;
    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private readonly HttpClient _client;
    private readonly TimeSpan _timeout;
    private readonly string _timeoutText;
    private readonly string _version;

    public HttpTool(string skill, SkillDefinition definition, ModelToolSpec spec, RuntimeEnvironment env,
        IReadOnlyDictionary<string, SecretBinding> secrets, SsrfGuard guard, SecretRedactor redactor, string version)
    {
        ToolName = skill;
        Spec = spec;
        _tool = definition.Tool;
        _version = version;
        _fields = definition.Input.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        _timeoutText = _tool.Timeout ?? "30s";
        _timeout = DurationText.Parse(_timeoutText);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(_tool.Url)) problems.Add("http tool without url");
        var templates = new[] { _tool.Url, _tool.BodyTemplate }.Concat(_tool.Headers.Values);
        foreach (var name in templates.SelectMany(HttpPlaceholders.Names).Distinct(StringComparer.Ordinal))
        {
            if (name == "input" || _fields.Contains(name) && !name.StartsWith("secrets.", StringComparison.Ordinal)) continue;
            var secretName = name.StartsWith("secrets.", StringComparison.Ordinal) ? name["secrets.".Length..] : name;
            var variable = secrets.TryGetValue(secretName, out var binding) ? binding.Env
                : !name.StartsWith("secrets.", StringComparison.Ordinal) && secrets.Values.Any(b => b.Env == name) ? name : null;
            if (variable is null)
            {
                problems.Add($"placeholder {{{{{name}}}}} is neither an input field nor a secret");
                continue;
            }
            if (env.Get(variable) is { } value)
            {
                _secrets[secretName] = value;
                redactor.Register(value);
            }
            else
            {
                problems.Add($"secret \"{secretName}\" ({variable}) is not set");
            }
        }
        HealthProblem = problems.Count > 0 ? string.Join("; ", problems) : null;
        _client = new HttpClient(CreateHandler(guard)) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public string ToolName { get; }

    public ModelToolSpec Spec { get; }

    public string? HealthProblem { get; }

    /// <summary>A handler that checks every connection with the guard and connects only to the checked addresses.</summary>
    public static SocketsHttpHandler CreateHandler(SsrfGuard guard) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await guard.CheckAsync(context.DnsEndPoint.Host, cancellationToken).ConfigureAwait(false);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    public async Task<ToolOutcome> ExecuteAsync(ToolCallContext context, CancellationToken cancellationToken)
    {
        if (HealthProblem is not null) return ToolOutcome.Failure(HealthProblem);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            return await SendAsync(context, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ToolOutcome.Failure($"timed out after {_timeoutText}");
        }
        catch (HttpRequestException ex) when (Find<SsrfBlockedException>(ex) is { } blocked)
        {
            return ToolOutcome.Failure(blocked.Message);
        }
        catch (SsrfBlockedException ex)
        {
            return ToolOutcome.Failure(ex.Message);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or UriFormatException or ArgumentException or FormatException)
        {
            return ToolOutcome.Failure($"HTTP request failed: {ex.Message}");
        }
    }

    private async Task<ToolOutcome> SendAsync(ToolCallContext context, CancellationToken cancellationToken)
    {
        var method = new HttpMethod((_tool.Method ?? "GET").ToUpperInvariant());
        var used = new HashSet<string>(StringComparer.Ordinal);
        var url = HttpPlaceholders.Render(_tool.Url ?? "", context.Input, _fields, _secrets,
            v => Uri.EscapeDataString(HttpPlaceholders.Plain(v)), Uri.EscapeDataString, used);
        var uri = new Uri(url, UriKind.Absolute);
        if (uri.Scheme is not ("http" or "https")) return ToolOutcome.Failure($"SSRF guard: scheme {uri.Scheme} is not allowed");
        var hasBody = method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch;
        if (!hasBody && method != HttpMethod.Options) uri = AppendQuery(uri, context.Input, used);
        var contentType = _tool.Headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value ?? "application/json";
        string? body = null;
        if (hasBody)
        {
            var json = contentType.Contains("json", StringComparison.OrdinalIgnoreCase);
            body = _tool.BodyTemplate is { } template
                ? HttpPlaceholders.Render(template, context.Input, _fields, _secrets, json ? HttpPlaceholders.Json : HttpPlaceholders.Plain,
                    s => json ? HttpPlaceholders.Json(JsonSerializer.SerializeToElement(s)) : s)
                : JsonSerializer.Serialize(context.Input, HttpPlaceholders.JsonOptions);
        }
        var headers = new List<(string, string)>();
        foreach (var (name, template) in _tool.Headers)
        {
            var value = HttpPlaceholders.Render(template, context.Input, _fields, _secrets, HttpPlaceholders.Plain, s => s);
            if (value.Contains('\r') || value.Contains('\n')) return ToolOutcome.Failure($"header {name} contains CR or LF");
            headers.Add((name, value));
        }
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(method, uri);
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8);
            if (request.Content is not null) request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            foreach (var (name, value) in headers)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) continue;
                if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
            request.Headers.TryAddWithoutValidation("User-Agent", $"agentspec/{_version}");
            request.Headers.TryAddWithoutValidation("X-Correlation-ID", context.CorrelationId);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (redirects >= 5) return ToolOutcome.Failure("too many redirects");
                var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                if (uri.Scheme == "https" && next.Scheme == "http") return ToolOutcome.Failure("redirect from https to http refused");
                if (next.Scheme is not ("http" or "https")) return ToolOutcome.Failure($"SSRF guard: scheme {next.Scheme} is not allowed");
                if (status == 303)
                {
                    method = HttpMethod.Get;
                    body = null;
                }
                uri = next;
                continue;
            }
            var (text, truncated) = await ReadCappedAsync(response, status is >= 200 and < 300 ? BodyCap : ErrorCap, cancellationToken).ConfigureAwait(false);
            if (status is >= 200 and < 300) return ToolOutcome.Success(truncated ? text + "\n[response body truncated at 10 MiB]" : text);
            return ToolOutcome.Failure($"HTTP {status}: {text}");
        }
    }

    private Uri AppendQuery(Uri uri, JsonElement input, HashSet<string> used)
    {
        var extra = new StringBuilder();
        foreach (var p in input.EnumerateObject())
        {
            if (used.Contains(p.Name) || p.Value.ValueKind == JsonValueKind.Null) continue;
            extra.Append(extra.Length == 0 && string.IsNullOrEmpty(uri.Query) ? '?' : '&')
                .Append(Uri.EscapeDataString(p.Name)).Append('=').Append(Uri.EscapeDataString(HttpPlaceholders.Plain(p.Value)));
        }
        return extra.Length == 0 ? uri : new Uri(uri.GetLeftPart(UriPartial.Query) + extra + uri.Fragment);
    }

    private static async Task<(string, bool)> ReadCappedAsync(HttpResponseMessage response, int cap, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new MemoryStream();
        var chunk = new byte[16384];
        while (buffer.Length < cap)
        {
            var n = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, cap - buffer.Length)), cancellationToken).ConfigureAwait(false);
            if (n == 0) return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), false);
            buffer.Write(chunk, 0, n);
        }
        var more = await stream.ReadAsync(chunk.AsMemory(0, 1), cancellationToken).ConfigureAwait(false) > 0;
        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), more);
    }

    private static T? Find<T>(Exception? ex) where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T match) return match;
        }
        return null;
    }
}
