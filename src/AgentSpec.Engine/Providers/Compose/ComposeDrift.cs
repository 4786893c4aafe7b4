using System.Text.Json.Nodes;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Json;
using AgentSpec.Engine.Providers.Docker;
using AgentSpec.Engine.Providers.Kubernetes;
using AgentSpec.Engine.State;
using global::Docker.DotNet.Models;

namespace AgentSpec.Engine.Providers.Compose;

/// <summary>
/// Live state of a compose service from its containers (deployment spec §7.3): none → missing; none running → not
/// running; otherwise the replica count, image and spec-hash label compared with the record, and the Docker health.
/// </summary>
internal static class ComposeDrift
{
    private static PropertyDiff Modified(string path, JsonNode? recorded, JsonNode? live) =>
        new() { Path = path, Kind = PropertyDiffKind.Modified, Before = recorded, After = live };

    public static LiveResource Describe(ResourceRecord record, IReadOnlyList<ContainerInspectResponse> containers)
    {
        if (containers.Count == 0)
        {
            return new LiveResource(false, false, "missing", DeploymentHealth.NotRunning, $"service \"{record.Name}\" has no containers");
        }

        var running = containers.Where(c => c.State?.Running == true).ToList();
        if (running.Count == 0)
        {
            var first = containers[0];
            return new LiveResource(true, false, "not running", DeploymentHealth.NotRunning,
                $"no container of service \"{record.Name}\" is running ({first.Name.TrimStart('/')} is {first.State?.Status}, exit code {first.State?.ExitCode})");
        }

        var drift = new List<PropertyDiff>();
        var replicas = DockerContainerSpec.Long(record.Attributes["replicas"]) ?? 1;
        if (running.Count != replicas)
        {
            drift.Add(Modified("replicas", JsonValue.Create(replicas), JsonValue.Create((long)running.Count)));
        }

        var hash = record.Attributes["service"]?["labels"]?[KubernetesLabels.SpecHash]?.GetValue<string>();
        var liveHash = running.Select(c => c.Config?.Labels is { } live && live.TryGetValue(KubernetesLabels.SpecHash, out var value) ? value : null)
            .FirstOrDefault(h => h != hash);
        if (running.Any(c => (c.Config?.Labels is { } live && live.TryGetValue(KubernetesLabels.SpecHash, out var value) ? value : null) != hash))
        {
            drift.Add(Modified(JsonPath.Child("service.labels", KubernetesLabels.SpecHash), JsonValue.Create(hash), JsonValue.Create(liveHash)));
        }

        var image = record.Attributes["service"]?["image"]?.GetValue<string>();
        var liveImage = running.Select(c => c.Config?.Image?.Replace("$", "$$", StringComparison.Ordinal)).FirstOrDefault(i => i != image);
        if (liveImage is not null)
        {
            drift.Add(Modified("service.image", JsonValue.Create(image), JsonValue.Create(liveImage)));
        }

        var description = drift.Count == 0 ? "present" : "modified: " + string.Join(", ", drift.Select(d => d.Path));
        var states = running.Select(c => c.State.Health?.Status).ToList();
        var health = states.Any(s => s == "unhealthy") ? DeploymentHealth.Unhealthy
            : states.Any(s => s == "starting") ? DeploymentHealth.Starting
            : DeploymentHealth.Healthy;
        var detail = running.Select(c => c.State.Health?.Log?.LastOrDefault()?.Output?.Trim()).OfType<string>().FirstOrDefault();
        return new LiveResource(true, true, description, health, detail) { Diffs = drift };
    }
}
