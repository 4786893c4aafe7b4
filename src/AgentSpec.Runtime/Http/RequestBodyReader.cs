using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AgentSpec.Runtime.Http;

/// <summary>Reads a request body as one JSON object within the size limit (413 over it, 400 for bad JSON).</summary>
public static class RequestBodyReader
{
    public static async Task<JsonElement?> ReadObjectAsync(HttpContext context, long limit, bool allowEmpty)
    {
        if (context.Request.ContentLength is long length && length > limit) throw TooLarge(limit);
        var buffer = new MemoryStream();
        var chunk = new byte[16384];
        try
        {
            while (true)
            {
                var n = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false);
                if (n == 0) break;
                if (buffer.Length + n > limit) throw TooLarge(limit);
                buffer.Write(chunk, 0, n);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == 413)
        {
            throw TooLarge(limit);
        }
        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            if (allowEmpty) return null;
            throw ApiException.BadRequest("request body must be a JSON object");
        }
        try
        {
            using var doc = JsonDocument.Parse(buffer.ToArray());
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest("request body must be a JSON object");
            return doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw ApiException.BadRequest($"invalid JSON: {ex.Message}");
        }
    }

    private static ApiException TooLarge(long limit) => new(413, "payload_too_large", $"request body exceeds {limit} bytes");
}
