using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentSpec.Kubernetes.Tests.Fake;

/// <summary>
/// A loopback fake of the Kubernetes API server endpoints the provider uses (deployment spec §12.2), on Kestrel at
/// 127.0.0.1 with a free port: <c>/version</c>, discovery, GET/LIST (equality label selectors)/DELETE, server-side
/// apply PATCH with strict field validation and pod logs (<c>pods/{name}/log</c>), answering <c>Status</c> objects on
/// failure. Every request is journaled.
/// </summary>
public sealed class FakeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeRequest> _journal = new();
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    private FakeApiServer(WebApplication app)
    {
        _app = app;
        Store.Seed(FakeKind.All[0], null, "default", new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "default" } }, "kube-apiserver");
    }

    public FakeStore Store { get; } = new();

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<FakeRequest> Journal => _journal.ToList();

    public static async Task<FakeApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeApiServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.First()
            ?? throw new InvalidOperationException("Kestrel reported no address");
        server.Url = new Uri(address);
        return server;
    }

    public void ClearJournal() => _journal.Clear();

    /// <summary>The next request whose <c>METHOD path</c> starts with <paramref name="prefix"/> fails with <paramref name="code"/> (401, 403, 500…).</summary>
    public void FailNext(string prefix, int code) => _failures[prefix] = code;

    /// <summary>A kubeconfig whose single context points at this server.</summary>
    public string WriteKubeConfig(string folder, string context = "fake")
    {
        var path = Path.Combine(folder, "kubeconfig");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {Url.ToString().TrimEnd('/')}
            users:
            - name: tester
              user:
                token: fake-token
            contexts:
            - name: {context}
              context:
                cluster: fake
                user: tester
            current-context: {context}
            """);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);
        var path = request.Path.Value ?? "/";
        _journal.Enqueue(new FakeRequest(request.Method, path, request.QueryString.Value ?? string.Empty, request.ContentType, body));
        if (request.Method == "GET" && path.Split('/', StringSplitOptions.RemoveEmptyEntries) is ["api", "v1", "namespaces", var logNamespace, "pods", var pod, "log"])
        {
            await ServePodLogAsync(http, logNamespace, pod).ConfigureAwait(false);
            return;
        }

        int status;
        JsonNode response;
        try
        {
            var injected = _failures.Keys.FirstOrDefault(k => $"{request.Method} {path}".StartsWith(k, StringComparison.Ordinal));
            if (injected is not null && _failures.TryRemove(injected, out var code))
            {
                throw new FakeApiException(code, code switch { 401 => "Unauthorized", 403 => "Forbidden", 409 => "Conflict", _ => "InternalError" }, $"injected failure {code}");
            }

            (status, response) = (200, Route(request.Method, path, request.Query, request.ContentType, body));
        }
        catch (FakeApiException exception)
        {
            (status, response) = (exception.Code, exception.ToStatus());
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or NullReferenceException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            (status, response) = (500, new FakeApiException(500, "InternalError", $"fake server bug: {exception}").ToStatus());
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(response.ToJsonString()).ConfigureAwait(false);
    }

    private JsonNode Route(string method, string path, IQueryCollection query, string? contentType, string body)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (segments)
        {
            case ["version"]:
                return new JsonObject { ["major"] = "1", ["minor"] = "31", ["gitVersion"] = "v1.31.0-agentspec-fake", ["platform"] = "linux/amd64" };
            case ["api"]:
                return new JsonObject { ["kind"] = "APIVersions", ["versions"] = new JsonArray("v1") };
            case ["apis"]:
                return new JsonObject
                {
                    ["kind"] = "APIGroupList", ["apiVersion"] = "v1",
                    ["groups"] = new JsonArray(FakeKind.All.Where(k => k.Group.Length > 0).GroupBy(k => k.Group).Select(g => (JsonNode)new JsonObject
                    {
                        ["name"] = g.Key,
                        ["versions"] = new JsonArray(g.Select(k => (JsonNode)new JsonObject { ["groupVersion"] = k.GroupVersion, ["version"] = k.Version }).ToArray()),
                        ["preferredVersion"] = new JsonObject { ["groupVersion"] = g.First().GroupVersion, ["version"] = g.First().Version },
                    }).ToArray()),
                };
            case ["api", var v]:
                return Resources(v);
            case ["apis", var g, var v]:
                return Resources($"{g}/{v}");
        }

        // /api/v1/namespaces[/{name}] and /api/v1/{plural}; /api/v1/namespaces/{ns}/{plural}[/{name}[/{sub}]]; same under /apis/{g}/{v}.
        var (gv, rest) = segments switch
        {
            ["api", var v, .. var r] => (v, r),
            ["apis", var g, var v, .. var r] => ($"{g}/{v}", r),
            _ => throw new FakeApiException(404, "NotFound", $"the server could not find the requested resource ({path})"),
        };
        FakeKind Kind(string plural) => FakeKind.All.FirstOrDefault(k => k.GroupVersion == gv && k.Plural == plural)
            ?? throw new FakeApiException(404, "NotFound", $"the server could not find the requested resource ({path})");
        return rest switch
        {
            ["namespaces"] => Collection(method, Kind("namespaces"), null, query),
            ["namespaces", var name] => Item(method, Kind("namespaces"), null, name, null, query, contentType, body),
            ["namespaces", var ns, var plural] => Collection(method, Kind(plural), ns, query),
            ["namespaces", var ns, var plural, var name] => Item(method, Kind(plural), ns, name, null, query, contentType, body),
            ["namespaces", var ns, var plural, var name, var sub] => Item(method, Kind(plural), ns, name, sub, query, contentType, body),
            [var plural] => Collection(method, Kind(plural), null, query),
            _ => throw new FakeApiException(404, "NotFound", $"the server could not find the requested resource ({path})"),
        };
    }

    private static JsonObject Resources(string groupVersion) => new()
    {
        ["kind"] = "APIResourceList",
        ["apiVersion"] = "v1",
        ["groupVersion"] = groupVersion,
        ["resources"] = new JsonArray(FakeKind.All.Where(k => k.GroupVersion == groupVersion).Select(k => (JsonNode)new JsonObject
        {
            ["name"] = k.Plural, ["singularName"] = k.Kind.ToLowerInvariant(), ["namespaced"] = k.Namespaced, ["kind"] = k.Kind,
            ["verbs"] = new JsonArray("get", "list", "patch", "delete"),
        }).ToArray()),
    };

    private JsonNode Collection(string method, FakeKind kind, string? ns, IQueryCollection query)
    {
        if (method != "GET")
        {
            throw new FakeApiException(405, "MethodNotAllowed", $"{method} is not supported on {kind.Plural} collections by this fake");
        }

        var selector = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var term in (query["labelSelector"].ToString() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = term.Split('=', 2);
            if (parts.Length != 2 || parts[0].EndsWith('!'))
            {
                throw new FakeApiException(400, "BadRequest", $"unable to parse requirement: only equality label selectors are supported: \"{term}\"");
            }

            selector[parts[0]] = parts[1];
        }

        return new JsonObject
        {
            ["kind"] = kind.Kind + "List",
            ["apiVersion"] = kind.GroupVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = "1" },
            ["items"] = new JsonArray(Store.List(kind, ns, selector).Select(o => (JsonNode)o).ToArray()),
        };
    }

    private JsonNode Item(string method, FakeKind kind, string? ns, string name, string? sub, IQueryCollection query, string? contentType, string body)
    {
        if (sub is not null and not "status")
        {
            throw new FakeApiException(404, "NotFound", $"subresource {sub} is not served by this fake");
        }

        switch (method)
        {
            case "GET":
                return Store.Get(kind, ns, name) ?? throw new FakeApiException(404, "NotFound",
                    $"{kind.Plural}{(kind.Group.Length == 0 ? string.Empty : "." + kind.Group)} \"{name}\" not found");
            case "DELETE":
                return Store.Delete(kind, ns, name);
            case "PATCH":
                if (contentType?.Split(';')[0].Trim() != "application/apply-patch+yaml")
                {
                    throw new FakeApiException(415, "UnsupportedMediaType", $"this fake accepts only server-side apply (application/apply-patch+yaml), got {contentType}");
                }

                var manager = query["fieldManager"].ToString();
                if (string.IsNullOrEmpty(manager))
                {
                    throw new FakeApiException(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
                }

                var json = body.TrimStart().StartsWith('{') ? body : YamlToJson(body);
                var strict = !string.Equals(query["fieldValidation"].ToString(), "Ignore", StringComparison.Ordinal);
                if (strict)
                {
                    FakeValidation.DecodeStrict(kind.Model, json);
                }

                var applied = JsonNode.Parse(json) as JsonObject ?? throw new FakeApiException(400, "BadRequest", "the body is not an object");
                FakeValidation.Validate(kind, applied, ns, name);
                var force = string.Equals(query["force"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
                return Store.Apply(kind, ns, name, manager, applied, force);
            default:
                throw new FakeApiException(405, "MethodNotAllowed", $"{method} is not supported by this fake");
        }
    }

    /// <summary><c>pods/{name}/log</c>: text lines, with <c>timestamps</c>, <c>tailLines</c>, <c>sinceSeconds</c>, and <c>follow</c> (kept open, polling for new lines, until the client goes).</summary>
    private async Task ServePodLogAsync(HttpContext http, string ns, string pod)
    {
        var query = http.Request.Query;
        if (!Store.List(FakeKind.All.Single(k => k.Kind == "Pod"), ns, new Dictionary<string, string>()).Any(p => p["metadata"]?["name"]?.GetValue<string>() == pod))
        {
            http.Response.StatusCode = 404;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(new FakeApiException(404, "NotFound", $"pods \"{pod}\" not found").ToStatus().ToJsonString()).ConfigureAwait(false);
            return;
        }

        var timestamps = string.Equals(query["timestamps"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var follow = string.Equals(query["follow"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var lines = Store.PodLog(ns, pod, 0);
        var next = lines.Count;
        if (int.TryParse(query["sinceSeconds"].ToString(), out var sinceSeconds))
        {
            var from = DateTimeOffset.UtcNow.AddSeconds(-sinceSeconds);
            lines = lines.Where(l => l.Time >= from).ToList();
        }

        if (int.TryParse(query["tailLines"].ToString(), out var tail) && lines.Count > tail)
        {
            lines = lines.GetRange(lines.Count - tail, tail);
        }

        string Format((DateTimeOffset Time, string Line) entry) =>
            (timestamps ? entry.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture) + "00Z " : string.Empty) + entry.Line + "\n";

        http.Response.StatusCode = 200;
        http.Response.ContentType = "text/plain";
        foreach (var line in lines)
        {
            await http.Response.WriteAsync(Format(line)).ConfigureAwait(false);
        }

        await http.Response.Body.FlushAsync().ConfigureAwait(false);
        var aborted = http.RequestAborted;
        while (follow && !aborted.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(50, aborted).ConfigureAwait(false);
                foreach (var line in Store.PodLog(ns, pod, next))
                {
                    await http.Response.WriteAsync(Format(line), aborted).ConfigureAwait(false);
                    next++;
                }

                await http.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private static string YamlToJson(string yaml)
    {
        var value = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<object>(yaml);
        return new YamlDotNet.Serialization.SerializerBuilder().JsonCompatible().Build().Serialize(value);
    }
}
