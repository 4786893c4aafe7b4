using System.Diagnostics;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Providers.Kubernetes;
using AgentSpec.Engine.State;
using global::Docker.DotNet;
using global::Docker.DotNet.Models;

namespace AgentSpec.Engine.Providers.Docker;

/// <summary>Creates, replaces, removes and watches agent containers (deployment spec §7.2).</summary>
internal sealed class DockerContainers
{
    private const int TailLines = 20;
    private static readonly TimeSpan SteadyRunning = TimeSpan.FromSeconds(5);
    private readonly DockerClient _client;

    public DockerContainers(DockerClient client) => _client = client;

    public async Task<ProviderOutcome> RunAsync(ResourceChange change, ApplyContext context, CancellationToken cancellation)
    {
        var attributes = change.After ?? throw new InvalidOperationException($"{change.Address}: no planned attributes");
        var existing = await InspectAsync(change.Name, cancellation).ConfigureAwait(false);
        if (existing is not null)
        {
            if (!DockerLabels.Owns(existing.Config?.Labels, change.Address, context.Lineage))
            {
                return ProviderOutcome.Fail($"container \"{change.Name}\" exists but is not owned by {change.Address}", ErrorIds.ResourceConflict);
            }

            if (existing.State?.Running == true && existing.Config?.Labels?.TryGetValue(KubernetesLabels.SpecHash, out var hash) == true && hash == change.AfterHash)
            {
                return ProviderOutcome.Ok(Observed(existing), "up to date");
            }

            // Our own half-created or outdated container (§6.4): removed and created again.
            await _client.Containers.RemoveContainerAsync(existing.ID, new ContainerRemoveParameters { Force = true }, cancellation).ConfigureAwait(false);
        }

        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var binding in change.SecretBindings)
        {
            if (!context.SecretValues.TryGetValue(binding.Secret, out var value))
            {
                return ProviderOutcome.Fail($"secret \"{binding.Secret}\" for {binding.Env} is not resolved; the container was not created.");
            }

            secrets[binding.Env] = value;
        }

        var created = await _client.Containers.CreateContainerAsync(DockerContainerSpec.Create(attributes, secrets, context.Lineage), cancellation).ConfigureAwait(false);
        await _client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellation).ConfigureAwait(false);
        var started = await InspectAsync(created.ID, cancellation).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"container {created.ID} vanished right after it was started");
        context.Events.Verbose($"{change.Address}: started container {created.ID[..12]} from {started.Image}");
        return ProviderOutcome.Ok(Observed(started), existing is null ? "created" : "recreated");
    }

    /// <summary>Stops (30 s) and removes the recorded container when it is ours; returns its image ID for clean-up.</summary>
    public async Task<(ProviderOutcome Outcome, string? ImageId)> RemoveAsync(ResourceRecord record, ApplyContext context, CancellationToken cancellation)
    {
        var live = await FindAsync(record, cancellation).ConfigureAwait(false);
        if (live is null)
        {
            return (ProviderOutcome.Ok(new JsonObject(), "already absent"), null);
        }

        if (!DockerLabels.Owns(live.Config?.Labels, record.Address, context.Lineage))
        {
            return (ProviderOutcome.Fail($"not deleted: container \"{record.Name}\" exists but is not owned by {record.Address}", ErrorIds.ResourceConflict), null);
        }

        if (live.State?.Running == true)
        {
            await _client.Containers.StopContainerAsync(live.ID, new ContainerStopParameters { WaitBeforeKillSeconds = 30 }, cancellation).ConfigureAwait(false);
        }

        await _client.Containers.RemoveContainerAsync(live.ID, new ContainerRemoveParameters { Force = true }, cancellation).ConfigureAwait(false);
        return (ProviderOutcome.Ok(new JsonObject(), $"removed container {live.ID[..12]}"), live.Image);
    }

    public async Task<HealthOutcome> WaitHealthyAsync(string id, ApplyContext context, string address, TimeSpan timeout, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var reason = "not checked yet";
        while (true)
        {
            var live = await InspectAsync(id, cancellation).ConfigureAwait(false);
            if (live is null)
            {
                return new HealthOutcome(false, "the container disappeared", clock.Elapsed);
            }

            var state = live.State;
            if (state is null || !state.Running || state.Restarting)
            {
                var logs = await TailAsync(live.ID, cancellation).ConfigureAwait(false);
                return new HealthOutcome(false, context.Redactor.Redact($"the container exited with code {state?.ExitCode} ({state?.Error}); last log lines:\n{logs}"), clock.Elapsed);
            }

            if (state.Health is { } health)
            {
                switch (health.Status)
                {
                    case "healthy":
                        return new HealthOutcome(true, "healthy", clock.Elapsed);
                    case "unhealthy":
                        var last = health.Log?.LastOrDefault()?.Output?.Trim() ?? "no output";
                        return new HealthOutcome(false, context.Redactor.Redact($"Docker marks the container unhealthy: {last}"), clock.Elapsed);
                    default:
                        reason = $"health {health.Status}" + (health.Log?.LastOrDefault()?.Output is { Length: > 0 } output ? $": {output.Trim()}" : string.Empty);
                        break;
                }
            }
            else if (DateTimeOffset.TryParse(state.StartedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var startedAt)
                && DateTimeOffset.UtcNow - startedAt >= SteadyRunning)
            {
                return new HealthOutcome(true, $"running for {SteadyRunning.TotalSeconds:0} s (no health check)", clock.Elapsed);
            }
            else
            {
                reason = "running (no health check); waiting for 5 s of uninterrupted running";
            }

            if (clock.Elapsed >= timeout)
            {
                return new HealthOutcome(false, context.Redactor.Redact($"not healthy within {timeout.TotalSeconds:0} s: {reason}"), clock.Elapsed);
            }

            context.Events.Progress(0, 1, address, reason);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>The recorded container: by recorded ID, else by name.</summary>
    public async Task<ContainerInspectResponse?> FindAsync(ResourceRecord record, CancellationToken cancellation) =>
        (record.Observed["containerId"]?.GetValue<string>() is { } id ? await InspectAsync(id, cancellation).ConfigureAwait(false) : null)
        ?? await InspectAsync(record.Name, cancellation).ConfigureAwait(false);

    public async Task<ContainerInspectResponse?> InspectAsync(string idOrName, CancellationToken cancellation)
    {
        try
        {
            return await _client.Containers.InspectContainerAsync(idOrName, cancellation).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
        catch (DockerApiException exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The last log lines of a container (stdout and stderr demultiplexed).</summary>
    public async Task<string> TailAsync(string id, CancellationToken cancellation)
    {
        using var stream = await _client.Containers.GetContainerLogsAsync(id, false,
            new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Tail = TailLines.ToString(System.Globalization.CultureInfo.InvariantCulture) }, cancellation).ConfigureAwait(false);
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(cancellation).ConfigureAwait(false);
        var lines = (stdout + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join("\n", lines.TakeLast(TailLines));
    }

    private static JsonObject Observed(ContainerInspectResponse container) => new()
    {
        ["containerId"] = container.ID,
        ["imageId"] = container.Image,
        ["startedAt"] = container.State?.StartedAt,
    };
}
