using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgentSpec.Tests.Resolution;

/// <summary>
/// Checks a JSON document against the subset of JSON Schema 2020-12 that docs/schemas uses: <c>$ref</c> into
/// <c>$defs</c>, <c>type</c> (one or several), <c>enum</c>, <c>pattern</c>, <c>anyOf</c>, <c>properties</c>,
/// <c>required</c>, <c>additionalProperties</c> (false or a schema) and <c>items</c>. Unknown keywords fail loudly.
/// </summary>
public sealed class JsonSchemaChecker
{
    private static readonly HashSet<string> Known =
    [
        "$schema", "$id", "title", "description", "$defs", "$ref", "type", "enum", "pattern", "anyOf", "properties", "required",
        "additionalProperties", "items",
    ];

    private readonly JsonObject root;

    public JsonSchemaChecker(JsonObject root)
    {
        this.root = root;
    }

    /// <summary>Every violation as <c>path: problem</c>; empty when the document conforms.</summary>
    public List<string> Check(JsonNode? value)
    {
        var errors = new List<string>();
        Check(root, value, "$", errors);
        return errors;
    }

    private void Check(JsonObject schema, JsonNode? value, string path, List<string> errors)
    {
        foreach (var keyword in schema.Select(p => p.Key).Where(k => !Known.Contains(k)))
        {
            throw new InvalidOperationException($"unsupported schema keyword '{keyword}' at {path}");
        }

        if (schema["$ref"] is JsonValue reference)
        {
            var name = reference.GetValue<string>().Replace("#/$defs/", string.Empty, StringComparison.Ordinal);
            Check(root["$defs"]?[name]?.AsObject() ?? throw new InvalidOperationException($"unknown $ref {name}"), value, path, errors);
            return;
        }

        if (schema["anyOf"] is JsonArray anyOf)
        {
            if (!anyOf.Any(option => Check(option?.AsObject() ?? [], value, path).Count == 0))
            {
                errors.Add($"{path}: matches none of anyOf");
            }

            return;
        }

        if (schema["type"] is { } type)
        {
            var allowed = type is JsonArray many ? many.Select(t => t?.GetValue<string>()).ToList() : [type.GetValue<string>()];
            if (!allowed.Contains(TypeOf(value)) && !(TypeOf(value) == "integer" && allowed.Contains("number")))
            {
                errors.Add($"{path}: expected {string.Join("|", allowed)}, found {TypeOf(value)}");
                return;
            }
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
        {
            errors.Add($"{path}: {value?.ToJsonString()} is not one of {values.ToJsonString()}");
        }

        if (schema["pattern"] is JsonValue pattern && value is JsonValue text && text.TryGetValue<string>(out var s) &&
            !Regex.IsMatch(s, pattern.GetValue<string>()))
        {
            errors.Add($"{path}: '{s}' does not match {pattern}");
        }

        if (value is JsonObject obj)
        {
            var properties = schema["properties"]?.AsObject();
            foreach (var required in schema["required"]?.AsArray() ?? [])
            {
                if (!obj.ContainsKey(required?.GetValue<string>() ?? string.Empty))
                {
                    errors.Add($"{path}: missing '{required}'");
                }
            }

            foreach (var (key, child) in obj)
            {
                if (properties?[key] is JsonObject propertySchema)
                {
                    Check(propertySchema, child, $"{path}.{key}", errors);
                }
                else if (schema["additionalProperties"] is JsonObject additional)
                {
                    Check(additional, child, $"{path}.{key}", errors);
                }
                else if (schema["additionalProperties"] is JsonValue allowed && !allowed.GetValue<bool>())
                {
                    errors.Add($"{path}: unexpected property '{key}'");
                }
            }
        }

        if (value is JsonArray array && schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(items, array[i], $"{path}[{i}]", errors);
            }
        }
    }

    private List<string> Check(JsonObject schema, JsonNode? value, string path)
    {
        var errors = new List<string>();
        Check(schema, value, path, errors);
        return errors;
    }

    private static string TypeOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v when v.TryGetValue<string>(out _) => "string",
        JsonValue v when v.TryGetValue<bool>(out _) => "boolean",
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number && long.TryParse(v.ToJsonString(), out _) => "integer",
        _ => "number",
    };
}
