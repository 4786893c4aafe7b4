using System.Text.Json.Nodes;
using AgentSpec.Engine.Json;

namespace AgentSpec.Engine.Planning;

/// <summary>
/// The attribute diff of deployment spec §3.5: objects key by key, arrays of uniquely named objects by name
/// (<c>[name=X]</c>), arrays of scalars as one value, other arrays by index; secrets and unknown values marked.
/// </summary>
internal sealed class AttributeDiff
{
    private readonly IReadOnlyList<string> _sensitive;
    private readonly IReadOnlyList<string> _unknown;
    private readonly IReadOnlyList<string> _replaceOn;
    private readonly List<PropertyDiff> _diffs = new();

    private AttributeDiff(IReadOnlyList<string> sensitive, IReadOnlyList<string> unknown, IReadOnlyList<string> replaceOn)
    {
        _sensitive = sensitive;
        _unknown = unknown;
        _replaceOn = replaceOn;
    }

    /// <summary>Differences from <paramref name="before"/> to <paramref name="after"/> (either may be null: create or delete).</summary>
    public static List<PropertyDiff> Compare(JsonObject? before, JsonObject? after, IReadOnlyList<string> sensitive, IReadOnlyList<string> unknown, IReadOnlyList<string> replaceOn)
    {
        var diff = new AttributeDiff(sensitive, unknown, replaceOn);
        if (before is null || after is null)
        {
            diff.Flatten(string.Empty, before ?? after, before is null ? PropertyDiffKind.Added : PropertyDiffKind.Removed);
        }
        else
        {
            diff.Walk(string.Empty, before, after);
        }

        return diff._diffs;
    }

    private void Walk(string path, JsonNode? before, JsonNode? after)
    {
        switch (before, after)
        {
            case (JsonObject b, JsonObject a):
                foreach (var key in b.Select(p => p.Key).Union(a.Select(p => p.Key)).Distinct().OrderBy(k => k, StringComparer.Ordinal))
                {
                    var child = JsonPath.Child(path, key);
                    var inBefore = b.TryGetPropertyValue(key, out var bv);
                    var inAfter = a.TryGetPropertyValue(key, out var av);
                    if (!inBefore)
                    {
                        Flatten(child, av, PropertyDiffKind.Added);
                    }
                    else if (!inAfter)
                    {
                        Flatten(child, bv, PropertyDiffKind.Removed);
                    }
                    else
                    {
                        Walk(child, bv, av);
                    }
                }

                return;
            case (JsonArray b, JsonArray a) when Named(b) is { } bn && Named(a) is { } an:
                foreach (var name in bn.Keys.Union(an.Keys).Distinct().OrderBy(n => n, StringComparer.Ordinal))
                {
                    var child = JsonPath.Named(path, name);
                    if (!bn.TryGetValue(name, out var bv))
                    {
                        Flatten(child, an[name], PropertyDiffKind.Added);
                    }
                    else if (!an.TryGetValue(name, out var av))
                    {
                        Flatten(child, bv, PropertyDiffKind.Removed);
                    }
                    else
                    {
                        Walk(child, bv, av);
                    }
                }

                return;
            case (JsonArray b, JsonArray a) when !AllScalars(b) || !AllScalars(a):
                for (var i = 0; i < Math.Max(b.Count, a.Count); i++)
                {
                    var child = JsonPath.Index(path, i);
                    if (i >= b.Count)
                    {
                        Flatten(child, a[i], PropertyDiffKind.Added);
                    }
                    else if (i >= a.Count)
                    {
                        Flatten(child, b[i], PropertyDiffKind.Removed);
                    }
                    else
                    {
                        Walk(child, b[i], a[i]);
                    }
                }

                return;
            default:
                if (CanonicalJson.Write(before) != CanonicalJson.Write(after))
                {
                    Add(path, PropertyDiffKind.Modified, before, after);
                }

                return;
        }
    }

    private void Flatten(string path, JsonNode? node, PropertyDiffKind kind)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    Flatten(JsonPath.Child(path, key), value, kind);
                }

                return;
            case JsonArray array when !AllScalars(array):
                var named = Named(array);
                for (var i = 0; i < array.Count; i++)
                {
                    var child = named is null ? JsonPath.Index(path, i) : JsonPath.Named(path, array[i]?["name"]?.GetValue<string>() ?? string.Empty);
                    Flatten(child, array[i], kind);
                }

                return;
            default:
                Add(path, kind, kind == PropertyDiffKind.Removed ? node : null, kind == PropertyDiffKind.Added ? node : null);
                return;
        }
    }

    private void Add(string path, PropertyDiffKind kind, JsonNode? before, JsonNode? after) => _diffs.Add(new PropertyDiff
    {
        Path = path,
        Kind = kind,
        Before = before?.DeepClone(),
        After = after?.DeepClone(),
        Sensitive = _sensitive.Any(s => Under(path, s)),
        Unknown = kind != PropertyDiffKind.Removed && _unknown.Any(u => Under(path, u)),
        ForcesReplacement = _replaceOn.Any(r => JsonPath.Covers(r, path)),
    });

    private static bool Under(string path, string root) =>
        path == root || (path.StartsWith(root, StringComparison.Ordinal) && path.Length > root.Length && path[root.Length] is '.' or '[');

    private static bool AllScalars(JsonArray array) => array.All(n => n is not JsonObject and not JsonArray);

    private static Dictionary<string, JsonNode?>? Named(JsonArray array)
    {
        if (array.Count == 0 || array.Any(n => n is not JsonObject o || o["name"] is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            return null;
        }

        var map = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var node in array)
        {
            if (!map.TryAdd(node?["name"]?.GetValue<string>() ?? string.Empty, node))
            {
                return null;
            }
        }

        return map;
    }
}
