using System.Text.Json.Nodes;
using k8s.Models;

namespace AgentSpec.Engine.Providers.Kubernetes;

/// <summary>
/// Drift of a live object against its applied manifest (deployment spec §7.4, §9.3): only the paths present in the
/// applied manifest are compared, so server defaults and <c>status</c> are ignored; quantities compare semantically;
/// Secret values are never read back (their fingerprints cannot be checked live).
/// </summary>
public static class KubernetesDrift
{
    public static IReadOnlyList<PropertyDiff> Compare(string type, JsonObject applied, JsonObject live)
    {
        var diffs = new List<PropertyDiff>();
        var owned = (JsonObject)applied.DeepClone();
        if (type == KubernetesResources.SecretType)
        {
            owned.Remove("data");
        }

        Walk(string.Empty, owned, live, diffs);
        return diffs;
    }

    private static void Walk(string path, JsonNode? applied, JsonNode? live, List<PropertyDiff> diffs)
    {
        switch (applied)
        {
            case JsonObject obj:
                if (live is not JsonObject other)
                {
                    diffs.Add(Diff(path, applied, live));
                    return;
                }

                foreach (var (key, value) in obj)
                {
                    Walk(Json.JsonPath.Child(path, key), value, other[key], diffs);
                }

                return;
            case JsonArray array:
                if (live is not JsonArray liveArray)
                {
                    diffs.Add(Diff(path, applied, live));
                    return;
                }

                var named = array.All(e => e is JsonObject o && o["name"] is JsonValue v && v.TryGetValue<string>(out _));
                if (named)
                {
                    foreach (var element in array.OfType<JsonObject>())
                    {
                        var name = element["name"]?.GetValue<string>() ?? string.Empty;
                        var match = liveArray.OfType<JsonObject>().FirstOrDefault(o => o["name"] is JsonValue v && v.TryGetValue<string>(out var n) && n == name);
                        Walk(Json.JsonPath.Named(path, name), element, match, diffs);
                    }

                    return;
                }

                if (array.Count != liveArray.Count)
                {
                    diffs.Add(Diff(path, applied, live));
                    return;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Walk(Json.JsonPath.Index(path, i), array[i], liveArray[i], diffs);
                }

                return;
            default:
                if (!ScalarEqual(path, applied, live))
                {
                    diffs.Add(Diff(path, applied, live));
                }

                return;
        }
    }

    private static bool ScalarEqual(string path, JsonNode? applied, JsonNode? live)
    {
        if (CanonicalJson.Write(applied) == CanonicalJson.Write(live))
        {
            return true;
        }

        // Quantities (resources.requests/limits) compare by value: "1000m" equals "1", "1Gi" equals "1024Mi".
        if ((path.Contains(".requests.", StringComparison.Ordinal) || path.Contains(".limits.", StringComparison.Ordinal))
            && applied is JsonValue a && live is JsonValue l && a.TryGetValue<string>(out var left) && l.TryGetValue<string>(out var right))
        {
            try
            {
                return new ResourceQuantity(left).Equals(new ResourceQuantity(right));
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return false;
    }

    private static PropertyDiff Diff(string path, JsonNode? before, JsonNode? after) => new()
    {
        Path = path,
        Kind = after is null ? PropertyDiffKind.Removed : PropertyDiffKind.Modified,
        Before = before?.DeepClone(),
        After = after?.DeepClone(),
    };
}
