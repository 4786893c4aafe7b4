using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentSpec.Runtime.Tools;

/// <summary>Checks a model's tool input against the tool's schema (spec §3.3): required fields, JSON types, enums.</summary>
public static class ToolInputValidator
{
    /// <summary>Null when valid, else the reason.</summary>
    public static string? Check(JsonElement input, JsonObject schema)
    {
        if (input.ValueKind != JsonValueKind.Object) return "input must be a JSON object";
        if (schema["required"] is JsonArray required)
        {
            foreach (var name in required.Select(n => n?.GetValue<string>()))
            {
                if (name is not null && (!input.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null))
                {
                    return $"missing required field \"{name}\"";
                }
            }
        }
        if (schema["properties"] is not JsonObject properties) return null;
        foreach (var property in input.EnumerateObject())
        {
            if (properties[property.Name] is not JsonObject fieldSchema || property.Value.ValueKind == JsonValueKind.Null) continue;
            var type = fieldSchema["type"]?.GetValue<string>();
            if (!Matches(property.Value, type)) return $"field \"{property.Name}\" must be of type {type}";
            if (fieldSchema["enum"] is JsonArray values && !values.Any(v => v?.GetValue<string>() == property.Value.GetString()))
            {
                return $"field \"{property.Name}\" must be one of {string.Join(", ", values.Select(v => v?.GetValue<string>()))}";
            }
        }
        return null;
    }

    private static bool Matches(JsonElement value, string? type) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        _ => true,
    };
}
