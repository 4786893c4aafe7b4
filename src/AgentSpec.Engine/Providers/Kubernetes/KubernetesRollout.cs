using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using k8s.Models;

namespace AgentSpec.Engine.Providers.Kubernetes;

/// <summary>
/// The rollout wait of deployment spec §7.4: poll until <c>observedGeneration ≥ generation</c> and updated, ready and
/// available replicas all equal the desired count, failing early on <c>Progressing=False</c>; a failure names the
/// Progressing message and the first non-ready pod's container reason.
/// </summary>
public sealed class KubernetesRollout
{
    private readonly KubernetesApi _api;
    private readonly TimeSpan _poll;

    public KubernetesRollout(KubernetesApi api, TimeSpan poll)
    {
        _api = api;
        _poll = poll;
    }

    public async Task<(bool Ready, string Reason)> WaitAsync(string ns, string name, TimeSpan timeout, Action<string> progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var last = "no status yet";
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            var live = await _api.ReadAsync(KubernetesResources.DeploymentType, ns, name, cancellation).ConfigureAwait(false);
            if (live is null)
            {
                return (false, $"Deployment \"{ns}/{name}\" disappeared during the rollout");
            }

            var state = Read(live);
            last = state.Summary;
            progress(last);
            if (state.Complete)
            {
                return (true, $"rolled out: {last}");
            }

            if (state.DeadlineExceeded is { } message || clock.Elapsed >= timeout)
            {
                var head = state.DeadlineExceeded is { } m ? $"rollout failed (ProgressDeadlineExceeded): {m}" : $"not rolled out within {timeout.TotalSeconds:0} s: {last}";
                var pods = await PodReasonAsync(ns, live, cancellation).ConfigureAwait(false);
                return (false, pods is null ? head : $"{head}; {pods}");
            }

            await Task.Delay(_poll, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Health of a live Deployment for status reads.</summary>
    public static (DeploymentHealth Health, string Detail) HealthOf(JsonObject live)
    {
        var state = Read(live);
        if (state.Complete)
        {
            return (DeploymentHealth.Healthy, state.Summary);
        }

        if (state.Available == 0)
        {
            return (state.DeadlineExceeded is null ? DeploymentHealth.Starting : DeploymentHealth.Unhealthy, state.Summary);
        }

        return (DeploymentHealth.Degraded, state.Summary);
    }

    private static RolloutState Read(JsonObject live)
    {
        static long Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
        var generation = Number(live["metadata"]?["generation"]);
        var status = live["status"] as JsonObject;
        var observed = Number(status?["observedGeneration"]);
        var desired = live["spec"]?["replicas"] is JsonValue r && r.TryGetValue<long>(out var replicas) ? replicas : 1;
        var updated = Number(status?["updatedReplicas"]);
        var ready = Number(status?["readyReplicas"]);
        var available = Number(status?["availableReplicas"]);
        string? deadline = null;
        foreach (var condition in (status?["conditions"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
        {
            if (condition["type"]?.GetValue<string>() == "Progressing" && condition["status"]?.GetValue<string>() == "False")
            {
                deadline = $"{condition["reason"]?.GetValue<string>()}: {condition["message"]?.GetValue<string>()}";
            }
        }

        var complete = observed >= generation && updated == desired && ready == desired && available == desired;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"generation {generation} observed {observed}, {updated} updated, {ready} ready, {available} available of {desired}");
        return new RolloutState(complete, available, deadline, summary);
    }

    private async Task<string?> PodReasonAsync(string ns, JsonObject live, CancellationToken cancellation)
    {
        var selector = live["spec"]?["selector"]?["matchLabels"] as JsonObject;
        if (selector is null)
        {
            return null;
        }

        var labels = selector.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal);
        var pods = await _api.PodsAsync(ns, labels, cancellation).ConfigureAwait(false);
        foreach (var pod in pods.OrderBy(p => p.Metadata?.Name, StringComparer.Ordinal))
        {
            foreach (var container in pod.Status?.ContainerStatuses ?? new List<V1ContainerStatus>())
            {
                if (container.Ready)
                {
                    continue;
                }

                var podName = pod.Metadata?.Name ?? "pod";
                if (container.State?.Waiting is { } waiting)
                {
                    return $"pod {podName} container {container.Name}: {waiting.Reason}{(string.IsNullOrEmpty(waiting.Message) ? string.Empty : " — " + waiting.Message)}";
                }

                if (container.State?.Terminated is { } terminated)
                {
                    return $"pod {podName} container {container.Name}: terminated {terminated.Reason} (exit {terminated.ExitCode}){(string.IsNullOrEmpty(terminated.Message) ? string.Empty : " — " + terminated.Message)}";
                }

                return $"pod {podName} container {container.Name}: running but not ready (readiness probe failing)";
            }
        }

        return null;
    }

    private sealed record RolloutState(bool Complete, long Available, string? DeadlineExceeded, string Summary);
}
