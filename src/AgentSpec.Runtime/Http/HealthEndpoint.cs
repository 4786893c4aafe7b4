using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AgentSpec.Runtime.Http;

/// <summary><c>GET/HEAD /healthz</c> (spec §2.5): serialises the cached snapshot; 503 while unhealthy or draining.</summary>
public static class HealthEndpoint
{
    public static Task HandleAsync(HttpContext context, ApiState state)
    {
        var snapshot = state.Health.Snapshot;
        var status = state.Draining ? "draining" : snapshot.Status;
        var uptime = DateTimeOffset.UtcNow - state.StartedAt;
        var body = new JsonObject
        {
            ["status"] = status,
            ["uptime"] = UptimeFormatter.Format(uptime),
            ["uptime_seconds"] = (long)uptime.TotalSeconds,
            ["agents"] = state.AgentList.Count,
            ["version"] = state.Version,
        };
        if (state.Runtime.Document.SpecHash is { } hash) body["spec_hash"] = hash;
        var checks = new JsonArray();
        foreach (var c in snapshot.Checks)
        {
            var item = new JsonObject { ["name"] = c.Name, ["status"] = c.Status };
            if (c.Detail is not null) item["detail"] = c.Detail;
            checks.Add(item);
        }
        body["checks"] = checks;
        var code = status is "unhealthy" or "draining" ? 503 : 200;
        return ResponseWriter.JsonAsync(context, code, body);
    }
}
