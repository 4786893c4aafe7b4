using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Providers.Docker;
using AgentSpec.Engine.Providers.Kubernetes;
using global::Docker.DotNet;
using global::Docker.DotNet.Models;

namespace AgentSpec.Engine.Providers.Compose;

/// <summary>
/// The containers of one compose service, found through the Docker API by the labels compose and AgentSpec put on them
/// (<c>com.docker.compose.project</c>, <c>com.docker.compose.service</c>, our address and lineage): health waits,
/// removal, and the project network once nothing uses it (deployment spec §7.3).
/// </summary>
internal sealed class ComposeContainers
{
    private const int TailLines = 20;
    private static readonly TimeSpan SteadyRunning = TimeSpan.FromSeconds(5);
    private const int NetworkRemovalAttempts = 10;
    private static readonly TimeSpan NetworkRemovalPause = TimeSpan.FromMilliseconds(500);
    private readonly DockerClient _client;

    public ComposeContainers(DockerClient client) => _client = client;

    /// <summary>The service's containers that carry our address (and, when known, our lineage), inspected, ordered by name.</summary>
    public async Task<IReadOnlyList<ContainerInspectResponse>> ListAsync(string project, string service, string address, string lineage, CancellationToken cancellation)
    {
        var labels = new Dictionary<string, bool>
        {
            [$"{ComposeNames.ProjectLabel}={project}"] = true,
            [$"{ComposeNames.ServiceLabel}={service}"] = true,
        };
        var listed = await _client.Containers.ListContainersAsync(
            new ContainersListParameters { All = true, Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = labels } }, cancellation).ConfigureAwait(false);
        var result = new List<ContainerInspectResponse>();
        foreach (var container in listed.Where(c => DockerLabels.Owns(c.Labels, address, lineage)))
        {
            var inspected = await new DockerContainers(_client).InspectAsync(container.ID, cancellation).ConfigureAwait(false);
            if (inspected is not null)
            {
                result.Add(inspected);
            }
        }

        return result.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Waits until <paramref name="replicas"/> containers run and all are healthy (or run 5 s without a health check).</summary>
    public async Task<HealthOutcome> WaitHealthyAsync(string project, string service, string address, long replicas, ApplyContext context, TimeSpan timeout, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var containers = await ListAsync(project, service, address, context.Lineage, cancellation).ConfigureAwait(false);
            string reason;
            if (containers.FirstOrDefault(c => c.State is null || !c.State.Running || c.State.Restarting) is { } stopped)
            {
                var logs = await new DockerContainers(_client).TailAsync(stopped.ID, cancellation).ConfigureAwait(false);
                return new HealthOutcome(false, context.Redactor.Redact(
                    $"container {stopped.Name.TrimStart('/')} exited with code {stopped.State?.ExitCode} ({stopped.State?.Error}); last log lines:\n{logs}"), clock.Elapsed);
            }

            if (containers.FirstOrDefault(c => c.State.Health?.Status == "unhealthy") is { } sick)
            {
                var last = sick.State.Health.Log?.LastOrDefault()?.Output?.Trim() ?? "no output";
                return new HealthOutcome(false, context.Redactor.Redact($"Docker marks container {sick.Name.TrimStart('/')} unhealthy: {last}"), clock.Elapsed);
            }

            var ready = containers.Count(Healthy);
            if (containers.Count >= replicas && ready == containers.Count)
            {
                return new HealthOutcome(true, $"{ready} of {replicas} container{(replicas == 1 ? string.Empty : "s")} healthy", clock.Elapsed);
            }

            reason = $"{ready} of {replicas} container{(replicas == 1 ? string.Empty : "s")} healthy ({containers.Count} running)";
            if (clock.Elapsed >= timeout)
            {
                return new HealthOutcome(false, context.Redactor.Redact($"not healthy within {timeout.TotalSeconds:0} s: {reason}"), clock.Elapsed);
            }

            context.Events.Progress(0, 1, address, reason);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Stops (30 s) and removes every container of the service that is ours; returns how many were removed.</summary>
    public async Task<int> RemoveAsync(string project, string service, string address, string lineage, CancellationToken cancellation)
    {
        var containers = await ListAsync(project, service, address, lineage, cancellation).ConfigureAwait(false);
        foreach (var container in containers)
        {
            if (container.State?.Running == true)
            {
                await _client.Containers.StopContainerAsync(container.ID, new ContainerStopParameters { WaitBeforeKillSeconds = 30 }, cancellation).ConfigureAwait(false);
            }

            await _client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true }, cancellation).ConfigureAwait(false);
        }

        return containers.Count;
    }

    /// <summary>
    /// Removes the project network when it carries our lineage and no container uses it any more; true when removed.
    /// The services of a stack are destroyed in parallel, so the network may still hold the endpoint of a container that
    /// another service's destroy is removing at this moment (Docker answers 403 "has active endpoints"): the check is
    /// repeated a few times, and when another container still uses the network its own destroy removes it afterwards.
    /// </summary>
    public async Task<bool> RemoveNetworkIfUnusedAsync(string project, string lineage, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            var network = await InspectNetworkAsync(project, cancellation).ConfigureAwait(false);
            var labels = network?.Labels ?? new Dictionary<string, string>();
            if (network is null
                || !labels.TryGetValue(KubernetesLabels.ManagedBy, out var manager) || manager != KubernetesLabels.Manager
                || !labels.TryGetValue(KubernetesLabels.Lineage, out var owner) || owner != lineage || (network.Containers?.Count ?? 0) > 0)
            {
                return false;
            }

            try
            {
                await _client.Networks.DeleteNetworkAsync(network.ID, cancellation).ConfigureAwait(false);
                return true;
            }
            catch (DockerApiException exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return false; // removed by another service's destroy just now
            }
            catch (DockerApiException exception) when (exception.StatusCode == System.Net.HttpStatusCode.Forbidden && attempt < NetworkRemovalAttempts)
            {
                // An endpoint is still being released; look again.
                await Task.Delay(NetworkRemovalPause, cancellation).ConfigureAwait(false);
            }
        }
    }

    private async Task<NetworkResponse?> InspectNetworkAsync(string project, CancellationToken cancellation)
    {
        try
        {
            return await _client.Networks.InspectNetworkAsync(ComposeNames.Network(project), cancellation).ConfigureAwait(false);
        }
        catch (DockerNetworkNotFoundException)
        {
            return null;
        }
        catch (DockerApiException exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public static JsonObject Observed(string project, IEnumerable<ContainerInspectResponse> containers) => new()
    {
        ["containers"] = new JsonArray(containers.Select(c => (JsonNode?)JsonValue.Create(c.ID)).ToArray()),
        ["project"] = project,
        ["startedAt"] = containers.Select(c => c.State?.StartedAt).OfType<string>().Order(StringComparer.Ordinal).LastOrDefault(),
    };

    private static bool Healthy(ContainerInspectResponse container) =>
        container.State.Health?.Status switch
        {
            "healthy" => true,
            null or "" or "none" => DateTimeOffset.TryParse(container.State.StartedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var started)
                && DateTimeOffset.UtcNow - started >= SteadyRunning,
            _ => false,
        };
}
