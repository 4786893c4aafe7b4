using System.Text.Json.Nodes;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.State;
using global::Docker.DotNet;

namespace AgentSpec.Engine.Providers.Docker;

/// <summary>
/// The <c>docker</c> target (deployment spec §7.2) through Docker.DotNet: images are built from an in-memory context,
/// containers are created with ownership labels, secrets as environment at creation only, resource limits, published
/// port and restart policy; health is the container's Docker health status; only objects carrying our labels are removed.
/// </summary>
public sealed class DockerProvider : ITargetProvider, IDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _replacedImages = new(StringComparer.Ordinal);
    private DockerConnection? _connection;

    public string Kind => DockerResources.Kind;

    public JsonObject CurrentEndpoint() => DockerConnection.EndpointIdentity();

    public void Connect() => Connection().ConnectAsync(CancellationToken.None).GetAwaiter().GetResult();

    public async Task<ProviderOutcome> ApplyAsync(ResourceChange change, ApplyContext context, CancellationToken cancellation)
    {
        try
        {
            var client = Connection().Client;
            if (change.Type == DockerResources.ImageType)
            {
                if (ArchitectureMismatch() is { } mismatch)
                {
                    return ProviderOutcome.Fail(mismatch);
                }

                return await new DockerImages(client).BuildAsync(change, context, cancellation).ConfigureAwait(false);
            }

            var outcome = await new DockerContainers(client).RunAsync(change, context, cancellation).ConfigureAwait(false);
            string? previous;
            lock (_gate)
            {
                _replacedImages.Remove(change.Address, out previous);
            }

            if (outcome.Succeeded && previous is not null && previous != outcome.Observed["imageId"]?.GetValue<string>())
            {
                await new DockerImages(client).RemoveUnusedAsync(previous, context, cancellation).ConfigureAwait(false);
            }

            return outcome;
        }
        catch (DockerApiException exception)
        {
            return ProviderOutcome.Fail(context.Redactor.Redact($"{change.Type} \"{change.Name}\": Docker API {(int)exception.StatusCode}: {exception.ResponseBody?.Trim()}"));
        }
    }

    public async Task<ProviderOutcome> DestroyAsync(ResourceRecord record, ApplyContext context, CancellationToken cancellation)
    {
        try
        {
            var client = Connection().Client;
            if (record.Type == DockerResources.ImageType)
            {
                return await new DockerImages(client).RemoveAsync(record, context, cancellation).ConfigureAwait(false);
            }

            var (outcome, imageId) = await new DockerContainers(client).RemoveAsync(record, context, cancellation).ConfigureAwait(false);
            if (imageId is not null)
            {
                lock (_gate)
                {
                    _replacedImages[record.Address] = imageId;
                }
            }

            return outcome;
        }
        catch (DockerApiException exception)
        {
            return ProviderOutcome.Fail(context.Redactor.Redact($"{record.Type} \"{record.Name}\": Docker API {(int)exception.StatusCode}: {exception.ResponseBody?.Trim()}"), ErrorIds.ResourceDestroyFailed);
        }
        catch (HttpRequestException exception)
        {
            throw DockerConnection.Unreachable(Connection().Endpoint, exception);
        }
    }

    public async Task<HealthOutcome> WaitHealthyAsync(ResourceChange change, JsonObject observed, ApplyContext context, TimeSpan timeout, CancellationToken cancellation)
    {
        var id = observed["containerId"]?.GetValue<string>() ?? change.Name;
        return await new DockerContainers(Connection().Client).WaitHealthyAsync(id, context, change.Address, timeout, cancellation).ConfigureAwait(false);
    }

    public LiveResource ReadLive(ResourceRecord record, string stateFolder)
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        try
        {
            var client = Connection().Client;
            if (record.Type == DockerResources.ImageType)
            {
                var tag = record.Attributes["tag"]?.GetValue<string>() ?? record.Name;
                var image = new DockerImages(client).InspectAsync(tag, timeout.Token).GetAwaiter().GetResult();
                return image is null
                    ? new LiveResource(false, false, "missing", DeploymentHealth.Unknown, $"image {tag} does not exist")
                    : new LiveResource(true, true, "present");
            }

            var live = new DockerContainers(client).FindAsync(record, timeout.Token).GetAwaiter().GetResult();
            if (live is null)
            {
                return new LiveResource(false, false, "missing", DeploymentHealth.NotRunning, $"container \"{record.Name}\" does not exist");
            }

            var drift = DockerDrift.Compare(record.Attributes, live);
            var description = drift.Count == 0 ? "present" : "modified: " + string.Join(", ", drift.Select(d => d.Path));
            if (live.State?.Running != true)
            {
                return new LiveResource(true, false, "not running" + (drift.Count == 0 ? string.Empty : "; " + description), DeploymentHealth.NotRunning,
                    $"container \"{record.Name}\" is {live.State?.Status} (exit code {live.State?.ExitCode})") { Diffs = drift };
            }

            var health = live.State.Health?.Status switch
            {
                "healthy" => DeploymentHealth.Healthy,
                "unhealthy" => DeploymentHealth.Unhealthy,
                "starting" => DeploymentHealth.Starting,
                null or "" or "none" => DeploymentHealth.Healthy,
                _ => DeploymentHealth.Unknown,
            };
            return new LiveResource(true, true, description, health, live.State.Health?.Log?.LastOrDefault()?.Output?.Trim()) { Diffs = drift };
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException or DockerApiException or AgentSpecException)
        {
            return new LiveResource(true, false, "unknown (" + exception.Message + ")", DeploymentHealth.Unknown, exception.Message) { Unreadable = true };
        }
    }

    public IAsyncEnumerable<LogRecord> LogsAsync(string name, TargetRecord target, Logs.LogContext context, CancellationToken cancellation)
    {
        try
        {
            return new DockerLogs(Connection().Client).ReadAsync(name, target, context, cancellation);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw new AgentSpecException(ErrorIds.TargetUnreachable, AgentSpecErrorCategory.ConnectionError,
                $"Cannot reach the Docker engine at {DockerConnection.EndpointFromEnvironment()}: {exception.Message}", DockerConnection.EndpointFromEnvironment(), innerException: exception);
        }
    }

    public void Dispose() => _connection?.Dispose();

    /// <summary>The image carries the runtime for the host's architecture; an engine on another one cannot run it.</summary>
    private string? ArchitectureMismatch()
    {
        var engine = Connection().Architecture;
        var expected = DockerResources.ImageRid == "linux-arm64" ? "aarch64" : "x86_64";
        return engine is null || engine == expected || (expected == "aarch64" && engine == "arm64")
            ? null
            : $"the Docker engine runs on {engine}, but the image would carry the {DockerResources.ImageRid} runtime; apply from a machine of the engine's architecture.";
    }

    private DockerConnection Connection()
    {
        lock (_gate)
        {
            return _connection ??= DockerConnection.Open();
        }
    }
}
