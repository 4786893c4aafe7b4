using System.Text.Json.Nodes;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Providers.Docker;
using AgentSpec.Engine.State;
using global::Docker.DotNet;

namespace AgentSpec.Engine.Providers.Compose;

/// <summary>
/// The <c>docker-compose</c> target (deployment spec §7.3): images are built through the Docker API exactly as for the
/// docker target; before each service is started the stack's <c>compose.yaml</c> is regenerated from the plan and
/// <c>up -d --no-deps --no-build -t 30 [--force-recreate] &lt;svc&gt;…</c> runs with the service's secrets only in the
/// child's environment (services whose <c>up</c> is due while another compose call runs share the next call,
/// <see cref="ComposeUpBatch"/>). Health, drift and removal go through the Docker API by labels.
/// </summary>
public sealed class ComposeProvider : ITargetProvider, IHealthTimeoutDefault, IDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);
    private readonly object _gate = new();
    private readonly ComposeUpBatch _ups = new();
    private DockerConnection? _connection;
    private ComposeCommand? _command;

    public string Kind => ComposeResources.Kind;

    public JsonObject CurrentEndpoint() => DockerConnection.EndpointIdentity();

    /// <summary>Pings the engine (<c>TargetUnreachable</c>), then finds the compose command (<c>ComposeNotInstalled</c>).</summary>
    public void Connect()
    {
        Connection().ConnectAsync(CancellationToken.None).GetAwaiter().GetResult();
        Command();
    }

    public async Task<ProviderOutcome> ApplyAsync(ResourceChange change, ApplyContext context, CancellationToken cancellation)
    {
        try
        {
            var client = Connection().Client;
            if (change.Type == ComposeResources.ImageType)
            {
                return await new DockerImages(client).BuildAsync(change, context, cancellation).ConfigureAwait(false);
            }

            return await UpAsync(change, context, cancellation).ConfigureAwait(false);
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
            if (record.Type == ComposeResources.ImageType)
            {
                return await new DockerImages(client).RemoveAsync(record, context, cancellation).ConfigureAwait(false);
            }

            if (context.Plan?.Changes.Any(c => c.Address == record.Address && c.Action == ChangeAction.Replace) == true)
            {
                // The replacement's create half recreates the containers itself (up --force-recreate).
                return ProviderOutcome.Ok(new JsonObject(), "recreated by up --force-recreate");
            }

            var project = ProjectOf(record.Attributes, record.Scope);
            var removed = await new ComposeContainers(client).RemoveAsync(project, record.Name, record.Address, context.Lineage, cancellation).ConfigureAwait(false);
            var network = await new ComposeContainers(client).RemoveNetworkIfUnusedAsync(project, context.Lineage, cancellation).ConfigureAwait(false);
            var message = removed == 0 ? "already absent" : $"removed {removed} container{(removed == 1 ? string.Empty : "s")}";
            return ProviderOutcome.Ok(new JsonObject(), network ? $"{message}; removed network {ComposeNames.Network(project)}" : message);
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
        var attributes = change.After ?? new JsonObject();
        var replicas = DockerContainerSpec.Long(attributes["replicas"]) ?? 1;
        return await new ComposeContainers(Connection().Client)
            .WaitHealthyAsync(ProjectOf(attributes, change.Scope), change.Name, change.Address, replicas, context, timeout, cancellation).ConfigureAwait(false);
    }

    /// <summary><c>start_period + 4 × interval</c> of the service's health check, at least 60 s (deployment spec §2.4).</summary>
    public TimeSpan DefaultHealthTimeout(ResourceChange change) => ComposeHealth.DefaultTimeout(change.After);

    public LiveResource ReadLive(ResourceRecord record, string stateFolder)
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        try
        {
            var client = Connection().Client;
            if (record.Type == ComposeResources.ImageType)
            {
                var tag = record.Attributes["tag"]?.GetValue<string>() ?? record.Name;
                var image = new DockerImages(client).InspectAsync(tag, timeout.Token).GetAwaiter().GetResult();
                return image is null
                    ? new LiveResource(false, false, "missing", DeploymentHealth.Unknown, $"image {tag} does not exist")
                    : new LiveResource(true, true, "present");
            }

            // Read-only: every container with our address counts, whatever its lineage.
            var containers = new ComposeContainers(client)
                .ListAsync(ProjectOf(record.Attributes, record.Scope), record.Name, record.Address, string.Empty, timeout.Token).GetAwaiter().GetResult();
            return ComposeDrift.Describe(record, containers);
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
            return new ComposeLogs(Connection().Client).ReadAsync(name, target, context, cancellation);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw DockerConnection.Unreachable(Connection().Endpoint, exception);
        }
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _ups.Dispose();
    }

    private async Task<ProviderOutcome> UpAsync(ResourceChange change, ApplyContext context, CancellationToken cancellation)
    {
        var plan = context.Plan ?? throw new InvalidOperationException("the compose target needs the plan of the whole stack");
        var attributes = change.After ?? throw new InvalidOperationException($"{change.Address}: no planned attributes");
        var project = ProjectOf(attributes, change.Scope);
        var services = plan.Changes
            .Where(c => c.Type == ComposeResources.ServiceType && c.Action != ChangeAction.Delete && c.After?["service"] is JsonObject)
            .ToList();
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DOCKER_HOST"] = Connection().Endpoint,
        };
        foreach (var service in services)
        {
            foreach (var binding in service.SecretBindings)
            {
                if (!context.SecretValues.TryGetValue(binding.Secret, out var value))
                {
                    return ProviderOutcome.Fail($"secret \"{binding.Secret}\" for {binding.Env} of service \"{service.Name}\" is not resolved; nothing was started.");
                }

                secrets[ComposeNames.SecretVariable(service.Name, binding.Env)] = value;
            }
        }

        var folder = ComposeFile.FolderOf(context.StateFolder, project);
        var recreate = change.Action == ChangeAction.Replace;
        var client = Connection().Client;
        var previousImages = recreate
            ? (await new ComposeContainers(client).ListAsync(project, change.Name, change.Address, context.Lineage, cancellation).ConfigureAwait(false))
                .Select(c => c.Image).Distinct(StringComparer.Ordinal).ToList()
            : new List<string>();
        context.Events.Progress(0, 1, change.Address, $"{Command()} up {change.Name}");

        // One compose call at a time (one writer of compose.yaml); services queued meanwhile share the next call.
        var run = await _ups.UpAsync(folder + "\n" + project + "\n" + recreate, change.Name, async names =>
        {
            Directory.CreateDirectory(folder);
            var text = ComposeFile.Render(plan.Package, plan.PackageVersion, plan.Environment, context.Lineage,
                services.Select(s => KeyValuePair.Create(s.Name, (JsonObject)(s.After?["service"] ?? new JsonObject()))));
            await File.WriteAllTextAsync(Path.Combine(folder, ComposeFile.FileName), text, CancellationToken.None).ConfigureAwait(false);
            var arguments = new List<string> { "up", "-d", "--no-deps", "--no-build", "-t", "30" };
            if (recreate)
            {
                arguments.Add("--force-recreate");
            }

            arguments.AddRange(names);
            return await Command().RunAsync(folder, project, arguments, secrets, context.Redactor, cancellation).ConfigureAwait(false);
        }, cancellation).ConfigureAwait(false);

        context.Events.Verbose($"{change.Address}: {run.Command}\n{run.Output}");
        if (run.ExitCode != 0)
        {
            return ProviderOutcome.Fail(context.Redactor.Redact($"{run.Command} exited with code {run.ExitCode}:\n{run.Output}"));
        }

        var containers = await new ComposeContainers(client).ListAsync(project, change.Name, change.Address, context.Lineage, cancellation).ConfigureAwait(false);
        foreach (var image in previousImages.Where(i => containers.All(c => c.Image != i)))
        {
            // The replaced containers ran an image whose tag the rebuild moved: removed once nothing uses it (as §7.2).
            await new DockerImages(client).RemoveUnusedAsync(image, context, cancellation).ConfigureAwait(false);
        }

        return ProviderOutcome.Ok(ComposeContainers.Observed(project, containers),
            $"{(change.Action == ChangeAction.Replace ? "recreated" : "started")} {containers.Count} container{(containers.Count == 1 ? string.Empty : "s")}");
    }

    private static string ProjectOf(JsonObject attributes, string? scope) =>
        attributes["project"]?.GetValue<string>() ?? scope ?? throw new InvalidOperationException("a compose service without a project");

    private ComposeCommand Command()
    {
        lock (_gate)
        {
            return _command ??= ComposeCommand.Detect();
        }
    }

    private DockerConnection Connection()
    {
        lock (_gate)
        {
            return _connection ??= DockerConnection.Open();
        }
    }
}
