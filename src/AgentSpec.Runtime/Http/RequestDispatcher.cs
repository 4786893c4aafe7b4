using System.Diagnostics;
using AgentSpec.Runtime.Logging;
using AgentSpec.Runtime.Security;
using Microsoft.AspNetCore.Http;

namespace AgentSpec.Runtime.Http;

/// <summary>
/// The runtime's single request handler: correlation ID, common headers, CORS/OPTIONS, routing (404/405),
/// authentication (401), error bodies, request logging and HTTP metrics (spec §2).
/// </summary>
public sealed class RequestDispatcher
{
    private volatile ApiState _current;

    public RequestDispatcher(ApiState state) => _current = state;

    /// <summary>Serves new requests from <paramref name="state"/>; requests already running keep theirs.</summary>
    public void Swap(ApiState state) => _current = state;

    public Task HandleAsync(HttpContext context) => HandleAsync(context, _current);

    private async Task HandleAsync(HttpContext context, ApiState state)
    {
        var watch = Stopwatch.StartNew();
        var incoming = context.Request.Headers["X-Correlation-ID"].ToString();
        var correlationId = CorrelationIds.IsValid(incoming) ? incoming : CorrelationIds.NewUlid();
        var headers = context.Response.Headers;
        headers["X-Correlation-ID"] = correlationId;
        headers["X-Content-Type-Options"] = "nosniff";
        var path = context.Request.Path.Value ?? "/";
        var method = context.Request.Method;
        var route = RouteTable.Match(path, state.Runtime.Settings.HealthPath);
        string? keyId = null;
        try
        {
            if (HttpMethods.IsOptions(method))
            {
                ApplyCors(context, state);
                context.Response.StatusCode = 204;
                return;
            }
            ApplyCors(context, state);
            if (state.Stopping)
            {
                headers.Connection = "close";
                var draining = route?.Template == "/healthz" || route?.Template == state.Runtime.Settings.HealthPath;
                throw new ApiException(503, draining ? "draining" : "unavailable", "the runtime is shutting down");
            }
            if (route is null) throw ApiException.NotFound($"no route for {path}");
            if (!route.Methods.Contains(method, StringComparer.OrdinalIgnoreCase))
            {
                throw new ApiException(405, "method_not_allowed", $"{method} is not allowed on {path}", null,
                    new Dictionary<string, string> { ["Allow"] = string.Join(", ", route.Methods) });
            }
            ApiPrincipal? principal = null;
            if (route.NeedsAuth && state.Authenticator.Enabled)
            {
                var key = PresentedKey(context);
                principal = state.Authenticator.Authenticate(key);
                if (principal is null)
                {
                    state.Runtime.Log.Warn("authentication failed", new LogField("correlation_id", correlationId),
                        new LogField("client_ip", context.Connection.RemoteIpAddress?.ToString()), new LogField("path", path));
                    throw new ApiException(401, "unauthorized", "Missing or invalid API key", null,
                        new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer realm=\"agentspec\"" });
                }
                keyId = principal.KeyId;
            }
            await DispatchAsync(context, state, route, new RequestInfo(correlationId, principal)).ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            await WriteErrorAsync(context, state, ex, correlationId).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // Client went away.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            state.Runtime.Log.Error("unhandled request failure", new LogField("correlation_id", correlationId),
                new LogField("exception", ex.GetType().Name), new LogField("error", ex.Message), new LogField("path", path));
            await WriteErrorAsync(context, state, new ApiException(500, "internal_error", "internal error"), correlationId).ConfigureAwait(false);
        }
        finally
        {
            var template = route?.Template ?? "unmatched";
            var status = context.Response.StatusCode;
            state.Runtime.Metrics.ObserveRequest(template, method, status, watch.Elapsed.TotalSeconds);
            var quiet = template is "/healthz" or "/v1/metrics" || template == state.Runtime.Settings.HealthPath;
            var level = quiet ? RuntimeLogLevel.Debug : RuntimeLogLevel.Info;
            if (state.Runtime.Log.IsEnabled(level)) state.Runtime.Log.Write(level, "request completed",
                new LogField("correlation_id", correlationId), new LogField("method", method), new LogField("path", template),
                new LogField("status", status), new LogField("duration_ms", watch.ElapsedMilliseconds), new LogField("key_id", keyId));
        }
    }

    private static Task DispatchAsync(HttpContext context, ApiState state, RouteMatch route, RequestInfo info)
    {
        var method = context.Request.Method.ToUpperInvariant();
        var name = route.Name ?? "";
        return route.Template switch
        {
            "/v1/metrics" => MetricsEndpoint.HandleAsync(context, state),
            "/v1/agents" => AgentsEndpoint.HandleAsync(context, state, info),
            "/v1/agents/{name}/invoke" => InvokeEndpoint.HandleAsync(context, state, info, name, null, stream: false),
            "/v1/agents/{name}/stream" => InvokeEndpoint.HandleAsync(context, state, info, name, null, stream: true),
            "/v1/agents/{name}/sessions" when method == "POST" => SessionsEndpoint.CreateAsync(context, state, info, name),
            "/v1/agents/{name}/sessions" => SessionsEndpoint.ListAsync(context, state, info, name),
            "/v1/agents/{name}/sessions/{id}" when method == "DELETE" => SessionsEndpoint.DeleteAsync(context, state, info, name, route.Id ?? ""),
            "/v1/agents/{name}/sessions/{id}" or "/v1/agents/{name}/sessions/{id}/continue" =>
                InvokeEndpoint.HandleAsync(context, state, info, name, route.Id, stream: false),
            "/v1/pipelines/{name}/run" => PipelineEndpoint.HandleAsync(context, state, info, name),
            _ => HealthEndpoint.HandleAsync(context, state),
        };
    }

    private static async Task WriteErrorAsync(HttpContext context, ApiState state, ApiException error, string correlationId)
    {
        if (context.Response.HasStarted) return;
        var safe = new ApiException(error.Status, error.Code, state.Runtime.Redactor.Redact(error.Message), error.Extra, error.Headers);
        await ResponseWriter.ErrorAsync(context, safe, correlationId).ConfigureAwait(false);
    }

    private static string? PresentedKey(HttpContext context)
    {
        var apiKey = context.Request.Headers["X-API-Key"].ToString();
        if (apiKey.Length > 0) return apiKey;
        var auth = context.Request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth[7..].Trim() : null;
    }

    private static void ApplyCors(HttpContext context, ApiState state)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || !state.Runtime.Settings.CorsOrigins.Contains(origin, StringComparer.Ordinal)) return;
        var h = context.Response.Headers;
        h["Access-Control-Allow-Origin"] = origin;
        h["Access-Control-Allow-Methods"] = "GET, POST, DELETE, OPTIONS";
        h["Access-Control-Allow-Headers"] = "Content-Type, Authorization, X-API-Key, X-Correlation-ID";
        h["Access-Control-Expose-Headers"] = "X-Correlation-ID";
        h["Access-Control-Max-Age"] = "86400";
        h.Vary = "Origin";
    }
}
