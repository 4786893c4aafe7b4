using System.Text.Json.Nodes;

namespace AgentSpec.Kubernetes.Tests.Fake;

/// <summary>Field paths of JSON objects as the fake's field-ownership model sees them: objects recurse, everything else is a leaf (lists are atomic).</summary>
internal static class JsonTree
{
    public static Dictionary<string, JsonNode?> Leaves(JsonObject obj)
    {
        var leaves = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        Collect(obj, string.Empty, leaves, top: true);
        return leaves;
    }

    public static JsonNode? Get(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var segment in Split(path))
        {
            node = node is JsonObject obj ? obj[segment] : null;
        }

        return node;
    }

    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var segments = Split(path);
        var obj = root;
        foreach (var segment in segments[..^1])
        {
            if (obj[segment] is not JsonObject child)
            {
                child = new JsonObject();
                obj[segment] = child;
            }

            obj = child;
        }

        obj[segments[^1]] = value?.DeepClone();
    }

    public static void Remove(JsonObject root, string path)
    {
        var segments = Split(path);
        var chain = new List<JsonObject> { root };
        foreach (var segment in segments[..^1])
        {
            if (chain[^1][segment] is not JsonObject child)
            {
                return;
            }

            chain.Add(child);
        }

        chain[^1].Remove(segments[^1]);
        for (var i = chain.Count - 1; i > 1 && chain[i].Count == 0; i--)
        {
            chain[i - 1].Remove(segments[i - 1]);
        }
    }

    public static bool Same(JsonNode? left, JsonNode? right) => JsonNode.DeepEquals(left, right);

    /// <summary>The <c>fieldsV1</c> form of a set of paths: <c>{"f:spec":{"f:replicas":{}}}</c>.</summary>
    public static JsonObject FieldsV1(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        foreach (var path in paths.OrderBy(p => p, StringComparer.Ordinal))
        {
            var obj = root;
            foreach (var segment in Split(path))
            {
                if (obj["f:" + segment] is not JsonObject child)
                {
                    child = new JsonObject();
                    obj["f:" + segment] = child;
                }

                obj = child;
            }
        }

        return root;
    }

    /// <summary>A path as <c>.spec.template.metadata</c> (the field notation of conflict causes).</summary>
    public static string Dotted(string path) => "." + string.Join('.', Split(path));

    private static string[] Split(string path) => path.Split('\u001f');

    private static void Collect(JsonObject obj, string prefix, Dictionary<string, JsonNode?> leaves, bool top)
    {
        foreach (var (key, value) in obj)
        {
            if (top && key is "apiVersion" or "kind" or "status")
            {
                continue;
            }

            var path = prefix.Length == 0 ? key : prefix + '\u001f' + key;
            if (path is "metadata\u001fname" or "metadata\u001fnamespace")
            {
                continue;
            }

            if (value is JsonObject child && child.Count > 0)
            {
                Collect(child, path, leaves, top: false);
            }
            else
            {
                leaves[path] = value?.DeepClone();
            }
        }
    }
}

/// <summary>Numbers of JSON nodes whether they were parsed or built from ints.</summary>
internal static class JsonNumbers
{
    public static long? AsLong(this JsonNode? node) => node is JsonValue v
        ? v.TryGetValue<long>(out var l) ? l : v.TryGetValue<int>(out var i) ? i : v.TryGetValue<double>(out var d) ? (long)d : null
        : null;
}
