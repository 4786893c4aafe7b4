using System.Text.Json.Nodes;

namespace AgentSpec.Runtime.Http;

/// <summary>An HTTP error answer of spec §2.3: status, code, message, and optional extra fields and headers.</summary>
public sealed class ApiException : Exception
{
    public ApiException(int status, string code, string message, JsonObject? extra = null, IReadOnlyDictionary<string, string>? headers = null)
        : base(message)
    {
        Status = status;
        Code = code;
        Extra = extra;
        Headers = headers;
    }

    public int Status { get; }
    public string Code { get; }
    public JsonObject? Extra { get; }
    public IReadOnlyDictionary<string, string>? Headers { get; }

    public static ApiException BadRequest(string message) => new(400, "invalid_request", message);

    public static ApiException NotFound(string message) => new(404, "not_found", message);
}
