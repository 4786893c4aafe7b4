using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using AgentSpec.Runtime.Health;
using Microsoft.AspNetCore.Http;

namespace AgentSpec.Runtime.Http;

/// <summary>
/// <c>GET/HEAD /healthz</c> (spec §2.5): serialises the cached snapshot (its checks are rendered once per snapshot);
/// 503 while unhealthy or draining.
/// </summary>
public static class HealthEndpoint
{
    private static readonly ConditionalWeakTable<HealthSnapshot, string> ChecksJson = new();

    public static Task HandleAsync(HttpContext context, ApiState state)
    {
        var snapshot = state.Health.Snapshot;
        var status = state.Draining ? "draining" : snapshot.Status;
        var uptime = DateTimeOffset.UtcNow - state.StartedAt;
        var checks = ChecksJson.GetValue(snapshot, Render);
        var fixedPart = state.HealthFixedJson ??= RenderFixed(state);
        var body = string.Concat("{\"status\":\"", status, "\",\"uptime\":\"", UptimeFormatter.Format(uptime), "\",\"uptime_seconds\":",
            ((long)uptime.TotalSeconds).ToString(CultureInfo.InvariantCulture), fixedPart, ",\"checks\":", checks, "}");
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status is "unhealthy" or "draining" ? 503 : 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    private static string RenderFixed(ApiState state)
    {
        var json = new JsonObject { ["agents"] = state.AgentList.Count, ["version"] = state.Version };
        if (state.Runtime.Document.SpecHash is { } hash) json["spec_hash"] = hash;
        var text = JsonText.Of(json);
        return "," + text[1..^1];
    }

    private static string Render(HealthSnapshot snapshot)
    {
        var checks = new JsonArray();
        foreach (var c in snapshot.Checks)
        {
            var item = new JsonObject { ["name"] = c.Name, ["status"] = c.Status };
            if (c.Detail is not null) item["detail"] = c.Detail;
            checks.Add(item);
        }
        return JsonText.Of(checks);
    }
}
