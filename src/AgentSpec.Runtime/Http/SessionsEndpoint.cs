using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AgentSpec.Runtime.Http;

/// <summary>Session create, list and delete (spec §2.9).</summary>
public static class SessionsEndpoint
{
    public static async Task CreateAsync(HttpContext context, ApiState state, RequestInfo info, string agentName)
    {
        var agent = AgentLookup.Find(state, info, agentName);
        Admission.RateLimit(context, state, info);
        var raw = await RequestBodyReader.ReadObjectAsync(context, state.Runtime.Settings.MaxBodyBytes, allowEmpty: true).ConfigureAwait(false);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        Dictionary<string, string>? variables = null;
        if (raw is { } b)
        {
            if (b.TryGetProperty("metadata", out var m) && m.ValueKind != JsonValueKind.Null)
            {
                if (m.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest("\"metadata\" must be an object");
                foreach (var p in m.EnumerateObject())
                {
                    if (metadata.Count >= 32) throw ApiException.BadRequest("\"metadata\" has more than 32 entries");
                    if (p.Name.Length > 128) throw ApiException.BadRequest("metadata key longer than 128 characters");
                    if (p.Value.ValueKind != JsonValueKind.String) throw ApiException.BadRequest($"metadata \"{p.Name}\" must be a string");
                    var value = p.Value.GetString() ?? "";
                    if (value.Length > 1024) throw ApiException.BadRequest($"metadata \"{p.Name}\" exceeds 1 KiB");
                    metadata[p.Name] = value;
                }
            }
            variables = InvokeBody.ParseVariables(b);
        }
        var session = state.Sessions.Create(agent.Name, metadata, variables ?? new Dictionary<string, string>())
            ?? throw new ApiException(503, "unavailable", "session limit reached", null, new Dictionary<string, string> { ["Retry-After"] = "1" });
        await ResponseWriter.JsonAsync(context, 201, new JsonObject
        {
            ["session_id"] = session.Id,
            ["agent"] = session.Agent,
            ["created_at"] = Timestamp(session.CreatedAt),
            ["metadata"] = Metadata(session.Metadata),
        }).ConfigureAwait(false);
    }

    public static Task ListAsync(HttpContext context, ApiState state, RequestInfo info, string agentName)
    {
        var agent = AgentLookup.Find(state, info, agentName);
        var limit = QueryInt(context, "limit", 20, 1, 100);
        var offset = QueryInt(context, "offset", 0, 0, int.MaxValue);
        var all = state.Sessions.List(agent.Name);
        var items = new JsonArray();
        foreach (var s in all.Skip(offset).Take(limit))
        {
            items.Add(new JsonObject
            {
                ["session_id"] = s.Id,
                ["agent"] = s.Agent,
                ["created_at"] = Timestamp(s.CreatedAt),
                ["last_active_at"] = Timestamp(s.LastActiveAt),
                ["turns"] = s.Turns,
                ["metadata"] = Metadata(s.Metadata),
            });
        }
        return ResponseWriter.JsonAsync(context, 200, new JsonObject { ["sessions"] = items, ["total"] = all.Count });
    }

    public static Task DeleteAsync(HttpContext context, ApiState state, RequestInfo info, string agentName, string id)
    {
        var agent = AgentLookup.Find(state, info, agentName);
        if (!state.Sessions.Delete(agent.Name, id)) throw ApiException.NotFound($"session \"{id}\" not found");
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    public static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Metadata(IReadOnlyDictionary<string, string> metadata)
    {
        var json = new JsonObject();
        foreach (var (k, v) in metadata) json[k] = v;
        return json;
    }

    private static int QueryInt(HttpContext context, string name, int fallback, int min, int max)
    {
        var text = context.Request.Query[name].ToString();
        if (text.Length == 0) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw ApiException.BadRequest($"\"{name}\" must be an integer from {min} to {max}");
        }
        return value;
    }
}
