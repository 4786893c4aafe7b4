using System.Text.Json.Nodes;
using AgentSpec.Engine.Providers.Kubernetes;
using global::Docker.DotNet.Models;

namespace AgentSpec.Engine.Providers.Docker;

/// <summary>Owned container fields that changed out of band (deployment spec §7.2 drift), recorded → live.</summary>
internal static class DockerDrift
{
    public static IReadOnlyList<PropertyDiff> Compare(JsonObject recorded, ContainerInspectResponse live)
    {
        var diffs = new List<PropertyDiff>();
        var labels = live.Config?.Labels ?? new Dictionary<string, string>();
        if (recorded["labels"]?[KubernetesLabels.SpecHash]?.GetValue<string>() is { } hash
            && (!labels.TryGetValue(KubernetesLabels.SpecHash, out var liveHash) || liveHash != hash))
        {
            diffs.Add(Diff("labels[\"agentspec.io/spec-hash\"]", hash, liveHash));
        }

        if (recorded["image"]?.GetValue<string>() is var image && image != live.Config?.Image)
        {
            diffs.Add(Diff("image", image, live.Config?.Image));
        }

        var memory = DockerContainerSpec.Long(recorded["memoryBytes"]) ?? 0;
        if (memory != (live.HostConfig?.Memory ?? 0))
        {
            diffs.Add(Diff("memoryBytes", memory, live.HostConfig?.Memory ?? 0));
        }

        var cpus = DockerContainerSpec.Long(recorded["nanoCpus"]) ?? 0;
        if (cpus != (live.HostConfig?.NanoCPUs ?? 0))
        {
            diffs.Add(Diff("nanoCpus", cpus, live.HostConfig?.NanoCPUs ?? 0));
        }

        var restart = live.HostConfig?.RestartPolicy?.Name;
        if (restart is not null && restart != RestartPolicyKind.UnlessStopped)
        {
            diffs.Add(Diff("restartPolicy", "unless-stopped", restart.ToString()));
        }

        // Literal environment only: secret variables live under secretEnv as fingerprints and are never read back here.
        var env = (live.Config?.Env ?? new List<string>()).Select(e => e.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        foreach (var (name, value) in recorded["env"] as JsonObject ?? new JsonObject())
        {
            var expected = value?.GetValue<string>();
            if (!env.TryGetValue(name, out var liveValue) || liveValue != expected)
            {
                diffs.Add(new PropertyDiff
                {
                    Path = Json.JsonPath.Child("env", name),
                    Kind = liveValue is null ? PropertyDiffKind.Removed : PropertyDiffKind.Modified,
                    Before = JsonValue.Create(expected),
                    After = liveValue is null ? null : JsonValue.Create(liveValue),
                });
            }
        }

        return diffs;
    }

    private static PropertyDiff Diff(string path, string? before, string? after) =>
        new() { Path = path, Kind = PropertyDiffKind.Modified, Before = JsonValue.Create(before), After = JsonValue.Create(after) };

    private static PropertyDiff Diff(string path, long before, long after) =>
        new() { Path = path, Kind = PropertyDiffKind.Modified, Before = JsonValue.Create(before), After = JsonValue.Create(after) };
}
