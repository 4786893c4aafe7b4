using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentSpec.Runtime.Http;

/// <summary>Compact JSON text of response bodies and SSE data lines.</summary>
public static class JsonText
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string Of(JsonNode node) => node.ToJsonString(Options);
}
