using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AgentSpec.Runtime.Http;

/// <summary>Writes JSON responses and error bodies (spec §2.1, §2.3).</summary>
public static class ResponseWriter
{
    public static async Task JsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(JsonText.Of(body));
        context.Response.ContentLength = bytes.Length;
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    public static JsonObject ErrorBody(string code, string message, string correlationId, JsonObject? extra)
    {
        var body = new JsonObject { ["error"] = code, ["message"] = message, ["correlation_id"] = correlationId };
        if (extra is not null)
        {
            foreach (var (k, v) in extra.ToList())
            {
                extra.Remove(k);
                body[k] = v;
            }
        }
        return body;
    }

    public static Task ErrorAsync(HttpContext context, ApiException error, string correlationId)
    {
        if (error.Headers is not null)
        {
            foreach (var (k, v) in error.Headers) context.Response.Headers[k] = v;
        }
        return JsonAsync(context, error.Status, ErrorBody(error.Code, error.Message, correlationId, error.Extra));
    }
}
