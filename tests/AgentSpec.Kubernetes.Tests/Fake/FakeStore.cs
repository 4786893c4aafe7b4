using System.Globalization;
using System.Text.Json.Nodes;

namespace AgentSpec.Kubernetes.Tests.Fake;

/// <summary>
/// The fake's objects: server-side apply with per-manager field ownership (conflicts → 409 unless forced; fields a
/// manager stops applying are removed), resourceVersion and generation bumped only on real changes, server defaults,
/// managedFields, Deployment status transitions after a delay, and a minimal HPA controller.
/// </summary>
public sealed class FakeStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _objects = new(StringComparer.Ordinal);
    private long _version = 1000;
    private int _ip = 10;

    /// <summary>
    /// Rollout mode per Deployment <c>ns/name</c>: <c>ready</c> (default), <c>never</c> (image pull back-off, progress
    /// deadline exceeded), <c>crashloop</c>, <c>probe</c> (containers running, readiness probe failing).
    /// </summary>
    public Dictionary<string, string> RolloutModes { get; } = new(StringComparer.Ordinal);

    public TimeSpan RolloutDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    private readonly Dictionary<string, List<(DateTimeOffset Time, string Line)>> _podLogs = new(StringComparer.Ordinal);

    /// <summary>A line the container of pod <c>ns/pod</c> writes (served by <c>pods/{name}/log</c>).</summary>
    public void AppendPodLog(string ns, string pod, string line)
    {
        lock (_gate)
        {
            var key = $"{ns}/{pod}";
            if (!_podLogs.TryGetValue(key, out var lines))
            {
                _podLogs[key] = lines = new List<(DateTimeOffset, string)>();
            }

            lines.Add((DateTimeOffset.UtcNow, line));
        }
    }

    /// <summary>The log lines of a pod from index <paramref name="from"/> on.</summary>
    public List<(DateTimeOffset Time, string Line)> PodLog(string ns, string pod, int from)
    {
        lock (_gate)
        {
            return _podLogs.TryGetValue($"{ns}/{pod}", out var lines) ? lines.Skip(from).ToList() : [];
        }
    }

    public JsonObject? Get(FakeKind kind, string? ns, string name)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(Key(kind, ns, name), out var entry) ? Render(entry) : null;
        }
    }

    public List<JsonObject> List(FakeKind kind, string? ns, IReadOnlyDictionary<string, string> selector)
    {
        lock (_gate)
        {
            if (kind.Kind == "Pod")
            {
                return Pods(ns ?? "default", selector);
            }

            return _objects.Values.Where(e => e.Kind == kind && (ns is null || e.Namespace == ns) && Matches(e.Object, selector))
                .OrderBy(e => e.Name, StringComparer.Ordinal).Select(Render).ToList();
        }
    }

    public JsonObject Apply(FakeKind kind, string? ns, string name, string manager, JsonObject applied, bool force)
    {
        var leaves = JsonTree.Leaves(applied);
        lock (_gate)
        {
            if (kind.Namespaced && !_objects.ContainsKey(Key(FakeKind.All[0], null, ns ?? string.Empty)))
            {
                throw new FakeApiException(404, "NotFound", $"namespaces \"{ns}\" not found");
            }

            if (!_objects.TryGetValue(Key(kind, ns, name), out var entry))
            {
                var created = new JsonObject
                {
                    ["apiVersion"] = kind.GroupVersion,
                    ["kind"] = kind.Kind,
                    ["metadata"] = new JsonObject { ["name"] = name },
                };
                if (kind.Namespaced)
                {
                    created["metadata"]!["namespace"] = ns;
                }

                foreach (var (path, value) in leaves)
                {
                    JsonTree.Set(created, path, value);
                }

                var metadata = (JsonObject)created["metadata"]!;
                metadata["uid"] = Guid.NewGuid().ToString();
                metadata["creationTimestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                metadata["generation"] = 1;
                entry = new Entry(kind, ns, name, created);
                entry.Owners[manager] = new HashSet<string>(leaves.Keys, StringComparer.Ordinal);
                entry.Operations[manager] = "Apply";
                Defaults(entry);
                metadata["resourceVersion"] = Next();
                _objects[Key(kind, ns, name)] = entry;
                AfterChange(entry, specChanged: true);
                return Render(entry);
            }

            var conflicts = new JsonArray();
            var conflicting = new List<(string Manager, string Path)>();
            foreach (var (path, value) in leaves)
            {
                foreach (var (other, owned) in entry.Owners)
                {
                    if (other != manager && owned.Contains(path) && !JsonTree.Same(JsonTree.Get(entry.Object, path), value))
                    {
                        conflicting.Add((other, path));
                        conflicts.Add(new JsonObject { ["reason"] = "FieldManagerConflict", ["message"] = $"conflict with \"{other}\"", ["field"] = JsonTree.Dotted(path) });
                    }
                }
            }

            if (conflicting.Count > 0 && !force)
            {
                throw new FakeApiException(409, "Conflict",
                    $"Apply failed with {conflicting.Count} conflict{(conflicting.Count == 1 ? string.Empty : "s")}: {string.Join("; ", conflicting.Select(c => $"conflict with \"{c.Manager}\": {JsonTree.Dotted(c.Path)}"))}", conflicts);
            }

            var next = (JsonObject)entry.Object.DeepClone();
            var previous = entry.Owners.TryGetValue(manager, out var mine) ? mine : new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in previous.Where(p => !leaves.ContainsKey(p) && !entry.Owners.Any(o => o.Key != manager && o.Value.Contains(p))))
            {
                JsonTree.Remove(next, path);
            }

            foreach (var (path, value) in leaves)
            {
                JsonTree.Set(next, path, value);
            }

            var owners = entry.Owners.ToDictionary(p => p.Key, p => new HashSet<string>(p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
            owners[manager] = new HashSet<string>(leaves.Keys, StringComparer.Ordinal);
            foreach (var (other, path) in conflicting)
            {
                owners[other].Remove(path);
            }

            foreach (var empty in owners.Where(o => o.Value.Count == 0).Select(o => o.Key).ToList())
            {
                owners.Remove(empty);
            }

            var candidate = new Entry(kind, ns, name, next);
            foreach (var (owner, paths) in owners)
            {
                candidate.Owners[owner] = paths;
                candidate.Operations[owner] = entry.Operations.GetValueOrDefault(owner, "Apply");
            }

            candidate.Operations[manager] = "Apply";
            Defaults(candidate);
            return Commit(entry, candidate);
        }
    }

    /// <summary>An edit by another client (like <c>kubectl scale</c> or <c>kubectl edit</c>): sets one field as an Update by <paramref name="manager"/>.</summary>
    public JsonObject Edit(FakeKind kind, string? ns, string name, string manager, string dottedPath, JsonNode? value)
    {
        lock (_gate)
        {
            var entry = _objects.TryGetValue(Key(kind, ns, name), out var found) ? found : throw new FakeApiException(404, "NotFound", $"{kind.Plural} \"{name}\" not found");
            var path = string.Join('\u001f', dottedPath.Split('.'));
            var candidate = Clone(entry);
            JsonTree.Set(candidate.Object, path, value);
            foreach (var owned in candidate.Owners.Values)
            {
                owned.Remove(path);
            }

            candidate.Owners.TryAdd(manager, new HashSet<string>(StringComparer.Ordinal));
            candidate.Owners[manager].Add(path);
            candidate.Operations[manager] = "Update";
            return Commit(entry, candidate);
        }
    }

    /// <summary>Creates an object owned by another manager (a foreign object for conflict tests).</summary>
    public void Seed(FakeKind kind, string? ns, string name, JsonObject obj, string manager = "kubectl")
    {
        lock (_gate)
        {
            var entry = new Entry(kind, ns, name, (JsonObject)obj.DeepClone());
            var metadata = (JsonObject)entry.Object["metadata"]!;
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["generation"] = 1;
            metadata["resourceVersion"] = Next();
            entry.Owners[manager] = new HashSet<string>(JsonTree.Leaves(obj).Keys, StringComparer.Ordinal);
            entry.Operations[manager] = "Update";
            Defaults(entry);
            _objects[Key(kind, ns, name)] = entry;
        }
    }

    public JsonObject Delete(FakeKind kind, string? ns, string name)
    {
        lock (_gate)
        {
            if (!_objects.Remove(Key(kind, ns, name), out var entry))
            {
                throw new FakeApiException(404, "NotFound", $"{kind.Plural}{(kind.Group.Length == 0 ? string.Empty : "." + kind.Group)} \"{name}\" not found");
            }

            if (kind.Kind == "Namespace")
            {
                foreach (var key in _objects.Where(o => o.Value.Namespace == name).Select(o => o.Key).ToList())
                {
                    _objects.Remove(key);
                }
            }

            if (kind.Kind == "Service")
            {
                // Like the real API server, a Service DELETE answers the deleted object, the others a Status.
                return Render(entry);
            }

            return new JsonObject
            {
                ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success",
                ["details"] = new JsonObject { ["name"] = name, ["kind"] = kind.Plural, ["uid"] = entry.Object["metadata"]?["uid"]?.DeepClone() },
            };
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _objects.Count;
            }
        }
    }

    private JsonObject Commit(Entry entry, Entry candidate)
    {
        static JsonObject Comparable(JsonObject o)
        {
            var copy = (JsonObject)o.DeepClone();
            var m = (JsonObject)copy["metadata"]!;
            m.Remove("resourceVersion");
            m.Remove("generation");
            return copy;
        }

        static JsonObject SpecOf(JsonObject o)
        {
            var copy = (JsonObject)o.DeepClone();
            copy.Remove("metadata");
            copy.Remove("status");
            return copy;
        }

        var sameOwners = entry.Owners.Count == candidate.Owners.Count
            && entry.Owners.All(o => candidate.Owners.TryGetValue(o.Key, out var c) && c.SetEquals(o.Value) && candidate.Operations[o.Key] == entry.Operations[o.Key]);
        if (sameOwners && JsonTree.Same(Comparable(entry.Object), Comparable(candidate.Object)))
        {
            return Render(entry);
        }

        var specChanged = !JsonTree.Same(SpecOf(entry.Object), SpecOf(candidate.Object));
        var metadata = (JsonObject)candidate.Object["metadata"]!;
        if (specChanged)
        {
            metadata["generation"] = (metadata["generation"].AsLong() ?? 0) + 1;
        }

        metadata["resourceVersion"] = Next();
        entry.Object = candidate.Object;
        entry.Owners.Clear();
        entry.Operations.Clear();
        foreach (var (owner, paths) in candidate.Owners)
        {
            entry.Owners[owner] = paths;
            entry.Operations[owner] = candidate.Operations[owner];
        }

        AfterChange(entry, specChanged);
        return Render(entry);
    }

    private void AfterChange(Entry entry, bool specChanged)
    {
        if (entry.Kind.Kind == "HorizontalPodAutoscaler")
        {
            var target = entry.Object["spec"]?["scaleTargetRef"]?["name"]?.GetValue<string>();
            var min = entry.Object["spec"]?["minReplicas"].AsLong() ?? 1;
            if (target is not null && _objects.TryGetValue(Key(FakeKind.All.Single(k => k.Kind == "Deployment"), entry.Namespace, target), out var deployment))
            {
                Scale(deployment, min);
            }
        }

        if (entry.Kind.Kind == "Deployment")
        {
            var hpa = _objects.Values.FirstOrDefault(e => e.Kind.Kind == "HorizontalPodAutoscaler" && e.Namespace == entry.Namespace
                && e.Object["spec"]?["scaleTargetRef"]?["name"]?.GetValue<string>() == entry.Name);
            if (hpa is not null)
            {
                Scale(entry, hpa.Object["spec"]?["minReplicas"].AsLong() ?? 1);
            }

            if (specChanged)
            {
                ScheduleStatus(entry);
            }
        }
    }

    private void Scale(Entry deployment, long min)
    {
        var replicas = deployment.Object["spec"]?["replicas"].AsLong() ?? 1;
        if (replicas >= min)
        {
            return;
        }

        var candidate = Clone(deployment);
        JsonTree.Set(candidate.Object, "spec\u001freplicas", min);
        foreach (var owned in candidate.Owners.Values)
        {
            owned.Remove("spec\u001freplicas");
        }

        candidate.Owners["kube-controller-manager"] = new HashSet<string>(StringComparer.Ordinal) { "spec\u001freplicas" };
        candidate.Operations["kube-controller-manager"] = "Update";
        Commit(deployment, candidate);
    }

    private void ScheduleStatus(Entry entry)
    {
        var generation = entry.Object["metadata"]?["generation"].AsLong() ?? 1;
        var key = Key(entry.Kind, entry.Namespace, entry.Name);
        _ = Task.Delay(RolloutDelay).ContinueWith(_ =>
        {
            lock (_gate)
            {
                if (!_objects.TryGetValue(key, out var current) || current.Object["metadata"]?["generation"].AsLong() != generation)
                {
                    return;
                }

                var replicas = current.Object["spec"]?["replicas"].AsLong() ?? 1;
                var mode = RolloutModes.GetValueOrDefault($"{current.Namespace}/{current.Name}", "ready");
                var ready = mode == "ready" ? replicas : 0;
                var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                current.Object["status"] = new JsonObject
                {
                    ["observedGeneration"] = generation,
                    ["replicas"] = replicas,
                    ["updatedReplicas"] = replicas,
                    ["readyReplicas"] = ready,
                    ["availableReplicas"] = ready,
                    ["unavailableReplicas"] = replicas - ready,
                    ["conditions"] = new JsonArray(
                        new JsonObject { ["type"] = "Available", ["status"] = ready == replicas ? "True" : "False", ["reason"] = ready == replicas ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable", ["lastUpdateTime"] = now },
                        mode == "never"
                            ? new JsonObject { ["type"] = "Progressing", ["status"] = "False", ["reason"] = "ProgressDeadlineExceeded", ["message"] = $"ReplicaSet \"{current.Name}-5d8f7\" has timed out progressing.", ["lastUpdateTime"] = now }
                            : new JsonObject { ["type"] = "Progressing", ["status"] = "True", ["reason"] = ready == replicas ? "NewReplicaSetAvailable" : "ReplicaSetUpdated", ["lastUpdateTime"] = now }),
                };
                current.Object["metadata"]!["resourceVersion"] = Next();
            }
        }, TaskScheduler.Default);
    }

    private List<JsonObject> Pods(string ns, IReadOnlyDictionary<string, string> selector)
    {
        var pods = new List<JsonObject>();
        foreach (var deployment in _objects.Values.Where(e => e.Kind.Kind == "Deployment" && e.Namespace == ns))
        {
            var labels = deployment.Object["spec"]?["template"]?["metadata"]?["labels"] as JsonObject ?? new JsonObject();
            if (selector.Any(p => labels[p.Key]?.GetValue<string>() != p.Value))
            {
                continue;
            }

            var mode = RolloutModes.GetValueOrDefault($"{ns}/{deployment.Name}", "ready");
            var replicas = deployment.Object["spec"]?["replicas"].AsLong() ?? 1;
            var image = deployment.Object["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"]?.GetValue<string>();
            for (var i = 0; i < replicas; i++)
            {
                JsonObject state = mode switch
                {
                    "never" => new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "ImagePullBackOff", ["message"] = $"Back-off pulling image \"{image}\"" } },
                    "crashloop" => new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "CrashLoopBackOff", ["message"] = "back-off 40s restarting failed container=runtime" } },
                    _ => new JsonObject { ["running"] = new JsonObject { ["startedAt"] = "2025-01-01T00:00:00Z" } },
                };
                pods.Add(new JsonObject
                {
                    ["apiVersion"] = "v1",
                    ["kind"] = "Pod",
                    ["metadata"] = new JsonObject { ["name"] = $"{deployment.Name}-5d8f7-{i}", ["namespace"] = ns, ["labels"] = labels.DeepClone() },
                    ["status"] = new JsonObject
                    {
                        ["phase"] = mode is "ready" or "probe" ? "Running" : "Pending",
                        ["containerStatuses"] = new JsonArray(new JsonObject
                        {
                            ["name"] = "runtime", ["ready"] = mode == "ready", ["restartCount"] = mode == "crashloop" ? 4 : 0, ["image"] = image, ["imageID"] = string.Empty, ["state"] = state,
                        }),
                    },
                });
            }
        }

        return pods;
    }

    private void Defaults(Entry entry)
    {
        var o = entry.Object;
        void Default(string dotted, JsonNode value)
        {
            var path = string.Join('\u001f', dotted.Split('.'));
            if (JsonTree.Get(o, path) is null)
            {
                JsonTree.Set(o, path, value);
            }
        }

        switch (entry.Kind.Kind)
        {
            case "Namespace":
                ((JsonObject)o["metadata"]!)["labels"] ??= new JsonObject();
                o["metadata"]!["labels"]!["kubernetes.io/metadata.name"] = entry.Name;
                Default("spec.finalizers", new JsonArray("kubernetes"));
                o["status"] = new JsonObject { ["phase"] = "Active" };
                break;
            case "Deployment":
                Default("spec.replicas", 1);
                Default("spec.progressDeadlineSeconds", 600);
                Default("spec.template.spec.restartPolicy", "Always");
                Default("spec.template.spec.dnsPolicy", "ClusterFirst");
                Default("spec.template.spec.terminationGracePeriodSeconds", 30);
                Default("spec.template.spec.schedulerName", "default-scheduler");
                o["status"] ??= new JsonObject();
                break;
            case "Service":
                var ip = entry.Object["spec"]?["clusterIP"]?.GetValue<string>() ?? $"10.96.0.{Interlocked.Increment(ref _ip)}";
                Default("spec.clusterIP", ip);
                Default("spec.clusterIPs", new JsonArray(ip));
                Default("spec.ipFamilies", new JsonArray("IPv4"));
                break;
            case "Secret":
                Default("type", "Opaque");
                break;
        }
    }

    private JsonObject Render(Entry entry)
    {
        var copy = (JsonObject)entry.Object.DeepClone();
        var managed = new JsonArray();
        foreach (var (manager, paths) in entry.Owners.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            managed.Add(new JsonObject
            {
                ["manager"] = manager,
                ["operation"] = entry.Operations.GetValueOrDefault(manager, "Apply"),
                ["apiVersion"] = entry.Kind.GroupVersion,
                ["time"] = "2025-01-01T00:00:00Z",
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = JsonTree.FieldsV1(paths),
            });
        }

        copy["metadata"]!["managedFields"] = managed;
        return (JsonObject)JsonNode.Parse(copy.ToJsonString())!;
    }

    private static bool Matches(JsonObject obj, IReadOnlyDictionary<string, string> selector)
    {
        var labels = obj["metadata"]?["labels"] as JsonObject;
        return selector.All(p => labels?[p.Key]?.GetValue<string>() == p.Value);
    }

    private static Entry Clone(Entry entry)
    {
        var copy = new Entry(entry.Kind, entry.Namespace, entry.Name, (JsonObject)entry.Object.DeepClone());
        foreach (var (owner, paths) in entry.Owners)
        {
            copy.Owners[owner] = new HashSet<string>(paths, StringComparer.Ordinal);
            copy.Operations[owner] = entry.Operations[owner];
        }

        return copy;
    }

    private string Next() => Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);

    private static string Key(FakeKind kind, string? ns, string name) => $"{kind.Plural}/{ns}/{name}";

    private sealed class Entry(FakeKind kind, string? ns, string name, JsonObject obj)
    {
        public FakeKind Kind { get; } = kind;

        public string? Namespace { get; } = ns;

        public string Name { get; } = name;

        public JsonObject Object { get; set; } = obj;

        public Dictionary<string, HashSet<string>> Owners { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Operations { get; } = new(StringComparer.Ordinal);
    }
}
