using System.Text.Json.Nodes;
using AgentSpec.RuntimeModel;

namespace AgentSpec.Runtime.Tools;

/// <summary>JSON Schemas of tool inputs from skill input fields (spec §3.3).</summary>
public static class ToolSchemaBuilder
{
    public static JsonObject Build(IReadOnlyList<RuntimeFieldDefinition> fields, IReadOnlyDictionary<string, TypeDefinition> types)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var field in fields)
        {
            properties[field.Name] = MapType(field.Type, types, 0);
            if (field.Required) required.Add(field.Name);
        }
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0) schema["required"] = required;
        return schema;
    }

    public static JsonObject MapType(string type, IReadOnlyDictionary<string, TypeDefinition> types, int depth)
    {
        switch (type.ToLowerInvariant())
        {
            case "string" or "text": return Simple("string");
            case "int" or "integer" or "long": return Simple("integer");
            case "float" or "number" or "double" or "decimal": return Simple("number");
            case "bool" or "boolean": return Simple("boolean");
            case "object" or "map" or "json": return Simple("object");
            case "list" or "array": return Simple("array");
        }
        if (types.TryGetValue(type, out var declared) && depth < 5)
        {
            if (declared.Enum is { Count: > 0 } values)
            {
                return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()) };
            }
            if (declared.ListOf is { } item)
            {
                return new JsonObject { ["type"] = "array", ["items"] = MapType(item, types, depth + 1) };
            }
            if (declared.Fields is { } fields)
            {
                var nested = new JsonObject();
                var required = new JsonArray();
                foreach (var f in fields)
                {
                    nested[f.Name] = MapType(f.Type, types, depth + 1);
                    if (f.Required) required.Add(f.Name);
                }
                var schema = new JsonObject { ["type"] = "object", ["properties"] = nested };
                if (required.Count > 0) schema["required"] = required;
                return schema;
            }
        }
        return new JsonObject { ["type"] = "string", ["description"] = $"type: {type}" };
    }

    private static JsonObject Simple(string type) => new() { ["type"] = type };
}
