using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AgentSpec.Runtime.Http;

/// <summary>The fields of an invoke/stream/session-message body (spec §2.7, limits of §7.2).</summary>
public sealed class InvokeBody
{
    public string? Message { get; private init; }
    public Dictionary<string, string>? Variables { get; private init; }
    public string? SessionId { get; private init; }

    public static InvokeBody Parse(JsonElement? body, bool messageRequired = true)
    {
        string? message = null;
        string? input = null;
        Dictionary<string, string>? variables = null;
        string? session = null;
        if (body is { } b)
        {
            message = OptionalString(b, "message");
            input = OptionalString(b, "input");
            session = OptionalString(b, "session_id");
            variables = ParseVariables(b);
        }
        if (message is not null && input is not null && message != input) throw ApiException.BadRequest("\"message\" and \"input\" differ");
        var text = message ?? input;
        if (messageRequired && string.IsNullOrWhiteSpace(text)) throw ApiException.BadRequest("missing or blank \"message\"");
        if (text is not null && Encoding.UTF8.GetByteCount(text) > 1024 * 1024) throw ApiException.BadRequest("\"message\" exceeds 1 MiB");
        return new InvokeBody { Message = text, Variables = variables, SessionId = string.IsNullOrEmpty(session) ? null : session };
    }

    public static Dictionary<string, string>? ParseVariables(JsonElement b)
    {
        if (!b.TryGetProperty("variables", out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest("\"variables\" must be an object");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in v.EnumerateObject())
        {
            if (result.Count >= 64) throw ApiException.BadRequest("\"variables\" has more than 64 entries");
            if (p.Name.Length > 128) throw ApiException.BadRequest("variable name longer than 128 characters");
            var value = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString() ?? "",
                JsonValueKind.Number => p.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => throw ApiException.BadRequest($"variable \"{p.Name}\" must be a string, number or boolean"),
            };
            if (Encoding.UTF8.GetByteCount(value) > 64 * 1024) throw ApiException.BadRequest($"variable \"{p.Name}\" exceeds 64 KiB");
            result[p.Name] = value;
        }
        return result;
    }

    public static string? OptionalString(JsonElement b, string name)
    {
        if (!b.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String) throw ApiException.BadRequest($"\"{name}\" must be a string");
        return v.GetString();
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
