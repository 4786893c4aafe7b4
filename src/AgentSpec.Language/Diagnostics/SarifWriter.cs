using System.Text.Json;
using AgentSpec.Diagnostics;

namespace AgentSpec;

/// <summary>Writes diagnostics as a SARIF 2.1.0 log (one run, the catalogue as rules, results with locations).</summary>
public static class SarifWriter
{
    private const string InformationUri = "https://github.com/agentspec/agentspec";

    /// <summary>Writes the log to <paramref name="stream"/>. File paths are written relative to <paramref name="baseDirectory"/> when below it.</summary>
    public static void Write(Stream stream, IEnumerable<Diagnostic> diagnostics, string toolVersion, string? baseDirectory = null)
    {
        var results = diagnostics.ToList();
        var rules = DiagnosticCatalog.All;
        var index = rules.Select((rule, i) => (rule.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "AgentSpec");
        json.WriteString("version", toolVersion);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Code);
            json.WriteString("name", Name(rule.Title));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteString("helpUri", $"{InformationUri}/blob/main/docs/diagnostics/{rule.Code}.md");
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.Severity));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteStartArray("results");
        foreach (var diagnostic in results)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", diagnostic.Code);
            if (index.TryGetValue(diagnostic.Code, out var ruleIndex))
            {
                json.WriteNumber("ruleIndex", ruleIndex);
            }

            json.WriteString("level", Level(diagnostic.Severity));
            json.WriteStartObject("message");
            json.WriteString("text", diagnostic.Hint is null ? diagnostic.Message : $"{diagnostic.Message} (hint: {diagnostic.Hint})");
            json.WriteEndObject();
            json.WriteStartArray("locations");
            WriteLocation(json, diagnostic.File, diagnostic.Range, null, baseDirectory);
            json.WriteEndArray();
            if (diagnostic.Related.Count > 0)
            {
                json.WriteStartArray("relatedLocations");
                foreach (var related in diagnostic.Related)
                {
                    WriteLocation(json, related.File, related.Range, related.Message, baseDirectory);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, string file, SourceRange range, string? message, string? baseDirectory)
    {
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", Uri(file, baseDirectory));
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", range.Start.Line);
        json.WriteNumber("startColumn", range.Start.Column);
        json.WriteNumber("endLine", range.End.Line);
        json.WriteNumber("endColumn", range.End.Column);
        json.WriteEndObject();
        json.WriteEndObject();
        if (message is not null)
        {
            json.WriteStartObject("message");
            json.WriteString("text", message);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>A relative URI reference with forward slashes (SARIF §3.10), escaped for spaces and '%'.</summary>
    private static string Uri(string file, string? baseDirectory)
    {
        var path = file;
        if (baseDirectory is not null && Path.IsPathRooted(file))
        {
            var relative = Path.GetRelativePath(baseDirectory, file);
            if (!relative.StartsWith("..", StringComparison.Ordinal))
            {
                path = relative;
            }
        }

        path = path.Replace('\\', '/');
        return Path.IsPathRooted(path)
            ? new Uri(path).AbsoluteUri
            : string.Join('/', path.Split('/').Select(System.Uri.EscapeDataString));
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static string Name(string title) =>
        string.Concat(title.Split(' ', '-').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
