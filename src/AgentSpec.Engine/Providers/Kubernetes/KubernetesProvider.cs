using System.Diagnostics;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.State;
using k8s.Autorest;

namespace AgentSpec.Engine.Providers.Kubernetes;

/// <summary>
/// The <c>kubernetes</c> target (deployment spec §7.4): every write is a read followed by a server-side apply
/// (field manager <c>agentspec</c>); objects another owner holds are never touched; destroy deletes only objects
/// carrying our labels, lineage and address; the Deployment's rollout is awaited as its health.
/// </summary>
public sealed class KubernetesProvider : ITargetProvider, IDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private readonly KubernetesConnectionSettings _settings;
    private readonly object _gate = new();
    private KubernetesConnection? _connection;
    private KubernetesApi? _api;

    public KubernetesProvider(KubernetesConnectionSettings settings) => _settings = settings;

    public string Kind => KubernetesResources.Kind;

    public JsonObject CurrentEndpoint()
    {
        try
        {
            return Connection().Endpoint();
        }
        catch (AgentSpecException)
        {
            return new JsonObject { ["context"] = _settings.Context, ["server"] = null };
        }
    }

    public void Connect()
    {
        var connection = Connection();
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        try
        {
            Api().VersionAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or HttpOperationException or IOException)
        {
            var reason = exception is HttpOperationException http ? KubernetesApi.Describe(http) : exception.Message;
            throw KubernetesConnection.Unreachable($"The Kubernetes API server {connection.Server} (context \"{connection.Context}\") cannot be reached: {reason}", exception);
        }
    }

    public async Task<ProviderOutcome> ApplyAsync(ResourceChange change, ApplyContext context, CancellationToken cancellation)
    {
        var attributes = change.After ?? throw new InvalidOperationException($"{change.Address}: no planned attributes");
        var api = Api();
        var type = change.Type;
        try
        {
            var live = await api.ReadAsync(type, change.Scope, change.Name, cancellation).ConfigureAwait(false);
            if (type == KubernetesResources.NamespaceType && live is not null)
            {
                // An existing namespace is used as it is: recorded, never modified (and deleted only when we created it).
                var ours = Owns(live, change.Address, context.Lineage);
                return ProviderOutcome.Ok(Observed(live, ours), ours ? "present (created by AgentSpec)" : "present (not created by AgentSpec; left as it is)");
            }

            if (live is not null && !Owns(live, change.Address, context.Lineage))
            {
                return ProviderOutcome.Fail(Conflict(change.Address, type, change.Scope, change.Name, live), ErrorIds.ResourceConflict);
            }

            var body = type == KubernetesResources.SecretType
                ? KubernetesBodies.SecretWithValues(attributes, context.Lineage, change.SecretBindings, context.SecretValues)
                : KubernetesBodies.Typed(type, attributes, context.Lineage);
            var applied = await api.ApplyAsync(type, change.Scope, change.Name, body, force: live is not null, cancellation).ConfigureAwait(false);
            context.Events.Verbose($"{change.Address}: server-side apply {(live is null ? "created" : "updated")} resourceVersion {applied["metadata"]?["resourceVersion"]}");
            return ProviderOutcome.Ok(Observed(applied, created: true), live is null ? "created" : "applied");
        }
        catch (HttpOperationException exception) when (exception.Response?.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            return ProviderOutcome.Fail(context.Redactor.Redact($"{Describe(type, change.Scope, change.Name)} has fields owned by another manager: {KubernetesApi.Describe(exception)}"), ErrorIds.ResourceConflict);
        }
        catch (HttpOperationException exception)
        {
            return ProviderOutcome.Fail(context.Redactor.Redact($"{Describe(type, change.Scope, change.Name)}: {KubernetesApi.Describe(exception)}"));
        }
    }

    public async Task<ProviderOutcome> DestroyAsync(ResourceRecord record, ApplyContext context, CancellationToken cancellation)
    {
        var api = Api();
        try
        {
            var live = await api.ReadAsync(record.Type, record.Scope, record.Name, cancellation).ConfigureAwait(false);
            if (live is null)
            {
                return ProviderOutcome.Ok(new JsonObject(), "already absent");
            }

            if (record.Type == KubernetesResources.NamespaceType && record.Observed["created"]?.GetValue<bool>() != true)
            {
                return ProviderOutcome.Ok(new JsonObject(), "left in place (not created by AgentSpec)");
            }

            if (!Owns(live, record.Address, context.Lineage))
            {
                return ProviderOutcome.Fail($"not deleted: {Conflict(record.Address, record.Type, record.Scope, record.Name, live)}", ErrorIds.ResourceConflict);
            }

            var deleted = await api.DeleteAsync(record.Type, record.Scope, record.Name, cancellation).ConfigureAwait(false);
            return ProviderOutcome.Ok(new JsonObject(), deleted ? "deleted" : "already absent");
        }
        catch (HttpOperationException exception)
        {
            return ProviderOutcome.Fail(context.Redactor.Redact($"{Describe(record.Type, record.Scope, record.Name)}: {KubernetesApi.Describe(exception)}"), ErrorIds.ResourceDestroyFailed);
        }
    }

    public async Task<HealthOutcome> WaitHealthyAsync(ResourceChange change, JsonObject observed, ApplyContext context, TimeSpan timeout, CancellationToken cancellation)
    {
        var rollout = new KubernetesRollout(Api(), _settings.PollInterval);
        var clock = Stopwatch.StartNew();
        var ns = change.Scope ?? "default";
        try
        {
            var result = await rollout.WaitAsync(ns, change.Name, timeout, (step) => context.Events.Progress(0, 1, change.Address, step), cancellation).ConfigureAwait(false);
            return new HealthOutcome(result.Ready, context.Redactor.Redact(result.Reason), clock.Elapsed);
        }
        catch (HttpOperationException exception)
        {
            return new HealthOutcome(false, context.Redactor.Redact($"reading the rollout failed: {KubernetesApi.Describe(exception)}"), clock.Elapsed);
        }
    }

    public LiveResource ReadLive(ResourceRecord record, string stateFolder)
    {
        try
        {
            using var timeout = new CancellationTokenSource(ConnectTimeout);
            var live = Api().ReadAsync(record.Type, record.Scope, record.Name, timeout.Token).GetAwaiter().GetResult();
            if (live is null)
            {
                return new LiveResource(false, false, "missing", DeploymentHealth.NotRunning, $"{Describe(record.Type, record.Scope, record.Name)} does not exist");
            }

            if (record.Type == KubernetesResources.NamespaceType)
            {
                return new LiveResource(true, true, "present");
            }

            var drift = KubernetesDrift.Compare(record.Type, record.Attributes, live);
            var description = drift.Count == 0 ? "present" : "modified: " + string.Join(", ", drift.Select(d => d.Path));
            if (record.Type != KubernetesResources.DeploymentType)
            {
                return new LiveResource(true, true, description) { Diffs = drift };
            }

            var (health, detail) = KubernetesRollout.HealthOf(live);
            return new LiveResource(true, health != DeploymentHealth.NotRunning, description, health, detail) { Diffs = drift };
        }
        catch (Exception exception) when (exception is HttpOperationException or HttpRequestException or OperationCanceledException)
        {
            var reason = exception is HttpOperationException http ? KubernetesApi.Describe(http) : exception.Message;
            return new LiveResource(true, false, "unknown (" + reason + ")", DeploymentHealth.Unknown, reason) { Unreadable = true };
        }
    }

    /// <summary>The drift of one recorded object (§9.3): null when it is missing, else the differing owned paths.</summary>
    public async Task<IReadOnlyList<PropertyDiff>?> DriftAsync(ResourceRecord record, CancellationToken cancellation)
    {
        var live = await Api().ReadAsync(record.Type, record.Scope, record.Name, cancellation).ConfigureAwait(false);
        return live is null ? null : record.Type == KubernetesResources.NamespaceType ? [] : KubernetesDrift.Compare(record.Type, record.Attributes, live);
    }

    public IAsyncEnumerable<LogRecord> LogsAsync(string name, TargetRecord target, Logs.LogContext context, CancellationToken cancellation)
    {
        Connect();
        return new KubernetesLogs(Api()).ReadAsync(name, target, context, cancellation);
    }

    public void Dispose() => _api?.Dispose();

    /// <summary>Ours = managed by agentspec, the same address annotation and, when both are known, the same lineage.</summary>
    internal static bool Owns(JsonObject live, string address, string lineage)
    {
        var metadata = live["metadata"];
        var labels = metadata?["labels"] as JsonObject;
        var annotations = metadata?["annotations"] as JsonObject;
        if (labels?[KubernetesLabels.ManagedBy]?.GetValue<string>() != KubernetesLabels.Manager
            || annotations?[KubernetesLabels.Address]?.GetValue<string>() != address)
        {
            return false;
        }

        var liveLineage = labels[KubernetesLabels.Lineage]?.GetValue<string>();
        return string.IsNullOrEmpty(lineage) || string.IsNullOrEmpty(liveLineage) || liveLineage == lineage;
    }

    private static string Conflict(string address, string type, string? ns, string name, JsonObject live)
    {
        var labels = live["metadata"]?["labels"] as JsonObject;
        string Label(string key) => labels?[key]?.GetValue<string>() ?? "(none)";
        var liveAddress = live["metadata"]?["annotations"]?[KubernetesLabels.Address]?.GetValue<string>() ?? "(none)";
        return $"{Describe(type, ns, name)} exists but is not owned by {address}: {KubernetesLabels.ManagedBy}={Label(KubernetesLabels.ManagedBy)}, "
            + $"{KubernetesLabels.Instance}={Label(KubernetesLabels.Instance)}, {KubernetesLabels.Lineage}={Label(KubernetesLabels.Lineage)}, "
            + $"{KubernetesLabels.Address}={liveAddress}";
    }

    private static string Describe(string type, string? ns, string name) => ns is null ? $"{type} \"{name}\"" : $"{type} \"{ns}/{name}\"";

    private static JsonObject Observed(JsonObject live, bool created)
    {
        var metadata = live["metadata"];
        var observed = new JsonObject
        {
            ["created"] = created,
            ["resourceVersion"] = metadata?["resourceVersion"]?.DeepClone(),
            ["uid"] = metadata?["uid"]?.DeepClone(),
        };
        if (metadata?["generation"] is { } generation)
        {
            observed["generation"] = generation.DeepClone();
        }

        return observed;
    }

    private KubernetesConnection Connection()
    {
        lock (_gate)
        {
            return _connection ??= KubernetesConnection.Load(_settings);
        }
    }

    private KubernetesApi Api()
    {
        var connection = Connection();
        lock (_gate)
        {
            return _api ??= new KubernetesApi(connection.Configuration);
        }
    }
}
