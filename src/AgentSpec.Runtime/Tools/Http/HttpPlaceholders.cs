using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgentSpec.Runtime.Tools.Http;

/// <summary>
/// Placeholders of http tools (spec §5.3): <c>{{field}}</c> = an input field, else a secret by name or source variable;
/// <c>{{secrets.name}}</c> = a secret; <c>{{input}}</c> = the whole input as JSON.
/// </summary>
public static partial class HttpPlaceholders
{
    /// <summary>Compact JSON with only the escapes JSON requires.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}", RegexOptions.CultureInvariant)]
    public static partial Regex Pattern();

    public static IEnumerable<string> Names(string? template) =>
        template is null ? [] : Pattern().Matches(template).Select(m => m.Groups[1].Value);

    /// <summary>Renders <paramref name="template"/>; <paramref name="format"/> turns an input value (or null when absent) into text.</summary>
    public static string Render(string template, JsonElement input, IReadOnlySet<string> fields, IReadOnlyDictionary<string, string> secrets,
        Func<JsonElement?, string> format, Func<string, string> formatSecret, ISet<string>? used = null)
    {
        return Pattern().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            if (name == "input") return formatSecret(JsonSerializer.Serialize(input, JsonOptions));
            if (name.StartsWith("secrets.", StringComparison.Ordinal))
            {
                return secrets.TryGetValue(name["secrets.".Length..], out var s) ? formatSecret(s) : m.Value;
            }
            if (fields.Contains(name))
            {
                used?.Add(name);
                return format(input.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null);
            }
            return secrets.TryGetValue(name, out var secret) ? formatSecret(secret) : m.Value;
        });
    }

    /// <summary>Input values as text: strings as-is, others as JSON, absent as empty.</summary>
    public static string Plain(JsonElement? value) => value is not { } v ? "" : v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText();

    /// <summary>Input values inside a JSON body: strings JSON-escaped without quotes, others as JSON text, absent as <c>null</c>.</summary>
    public static string Json(JsonElement? value)
    {
        if (value is not { } v) return "null";
        if (v.ValueKind != JsonValueKind.String) return v.GetRawText();
        var quoted = JsonSerializer.Serialize(v.GetString(), JsonOptions);
        return quoted[1..^1];
    }
}
