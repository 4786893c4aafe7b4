using System.Text.Json.Nodes;
using AgentSpec.Engine.Providers.Kubernetes;
using global::Docker.DotNet.Models;

namespace AgentSpec.Engine.Providers.Docker;

/// <summary>Owned container fields that changed out of band (deployment spec §7.2 drift): the paths that differ.</summary>
internal static class DockerDrift
{
    public static IReadOnlyList<string> Compare(JsonObject recorded, ContainerInspectResponse live)
    {
        var paths = new List<string>();
        var labels = live.Config?.Labels ?? new Dictionary<string, string>();
        if (recorded["labels"]?[KubernetesLabels.SpecHash]?.GetValue<string>() is { } hash
            && (!labels.TryGetValue(KubernetesLabels.SpecHash, out var liveHash) || liveHash != hash))
        {
            paths.Add("labels[\"agentspec.io/spec-hash\"]");
        }

        if (recorded["image"]?.GetValue<string>() != live.Config?.Image)
        {
            paths.Add("image");
        }

        if ((DockerContainerSpec.Long(recorded["memoryBytes"]) ?? 0) != (live.HostConfig?.Memory ?? 0))
        {
            paths.Add("memoryBytes");
        }

        if ((DockerContainerSpec.Long(recorded["nanoCpus"]) ?? 0) != (live.HostConfig?.NanoCPUs ?? 0))
        {
            paths.Add("nanoCpus");
        }

        var restart = live.HostConfig?.RestartPolicy?.Name;
        if (restart is not null && restart != RestartPolicyKind.UnlessStopped)
        {
            paths.Add("restartPolicy");
        }

        var env = (live.Config?.Env ?? new List<string>()).Select(e => e.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        foreach (var (name, value) in recorded["env"] as JsonObject ?? new JsonObject())
        {
            if (!env.TryGetValue(name, out var liveValue) || liveValue != value?.GetValue<string>())
            {
                paths.Add(Json.JsonPath.Child("env", name));
            }
        }

        return paths;
    }
}
