using System.Text.Json;

namespace AgentSpec.RuntimeModel;

/// <summary>Reads and writes runtime documents (snake_case JSON; unknown fields ignored).</summary>
public static class RuntimeDocumentSerializer
{

    /// <summary>True when <paramref name="json"/> is an object with a top-level <c>format_version</c> (runtime spec §1.1).</summary>
    public static bool IsRuntimeDocument(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("format_version", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Parses and checks a runtime document; <paramref name="source"/> names it in error messages.</summary>
    public static RuntimeDocument Deserialize(string json, string source)
    {
        RuntimeDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, RuntimeDocumentJsonContext.Default.RuntimeDocument);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is long line ? $" at line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}" : "";
            var path = string.IsNullOrEmpty(ex.Path) ? "" : $" (field {ex.Path})";
            throw new RuntimeDocumentException($"{source}: invalid runtime document{where}{path}", ex);
        }
        if (document is null)
        {
            throw new RuntimeDocumentException($"{source}: the runtime document must be a JSON object");
        }
        RuntimeDocumentValidator.Validate(document, source);
        return document;
    }

    /// <summary>Writes a runtime document as compact JSON.</summary>
    public static string Serialize(RuntimeDocument document) => JsonSerializer.Serialize(document, RuntimeDocumentJsonContext.Default.RuntimeDocument);
}
