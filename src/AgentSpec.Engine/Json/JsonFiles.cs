using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentSpec.Engine.Json;

/// <summary>Readable JSON files: 2-space indentation, LF, UTF-8 without BOM, a trailing newline, keys sorted at every depth.</summary>
internal static class JsonFiles
{
    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(JsonNode? node) => (node?.ToJsonString(Indented) ?? "null") + "\n";

    /// <summary>A deep copy whose object keys are sorted ordinally at every depth.</summary>
    public static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new KeyValuePair<string, JsonNode?>(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };

    public static JsonObject SortedObject(JsonObject obj) => (JsonObject)(Sorted(obj) ?? new JsonObject());
}
