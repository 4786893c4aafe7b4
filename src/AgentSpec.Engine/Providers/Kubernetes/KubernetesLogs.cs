using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Logs;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Providers.Kubernetes;

/// <summary>
/// Log records of a recorded <c>kubernetes</c> target (deployment spec §7.4): the pods selected by the Deployment's
/// selector, <c>pods/{name}/log</c> with <c>tailLines</c>, <c>sinceSeconds</c>, <c>timestamps</c> and <c>follow</c>,
/// merged by time; <c>Source</c> is the pod name. Redacted with the values of the unit's Secret as the cluster holds them.
/// </summary>
public sealed class KubernetesLogs
{
    private readonly KubernetesApi _api;

    public KubernetesLogs(KubernetesApi api) => _api = api;

    public async IAsyncEnumerable<LogRecord> ReadAsync(string name, TargetRecord target, LogContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var deployment = target.Resources.FirstOrDefault(r => r.Type == KubernetesResources.DeploymentType)
            ?? throw TargetLogs.Unavailable(name, $"Target \"{name}\" has no Deployment recorded; apply it first.");
        var ns = deployment.Scope ?? "default";
        var selector = (deployment.Attributes["spec"]?["selector"]?["matchLabels"] as JsonObject)?
            .ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal)
            ?? throw TargetLogs.Unavailable(deployment.Address, $"The state records no pod selector for \"{deployment.Address}\".");
        var redactor = await RedactorAsync(target, cancellation).ConfigureAwait(false);
        var pods = (await _api.PodsAsync(ns, selector, cancellation).ConfigureAwait(false))
            .Select(p => p.Metadata?.Name).OfType<string>().Order(StringComparer.Ordinal).ToList();
        if (pods.Count == 0)
        {
            throw TargetLogs.Unavailable(deployment.Address, $"Deployment \"{ns}/{deployment.Name}\" has no pods.");
        }

        var query = context.Query;
        var tail = query.Tail > 0 && (query.Follow || query.Agent is null) ? query.Tail : (int?)null;
        var since = query.Since is { } from ? (int?)Math.Max(1, (int)Math.Ceiling((DateTimeOffset.UtcNow - from).TotalSeconds)) : null;
        if (!query.Follow)
        {
            var all = await LogMerge.ByTimeAsync(pods.Select(pod => PodRecordsAsync(ns, pod, tail, since, follow: false, redactor, cancellation)), cancellation).ConfigureAwait(false);
            foreach (var record in query.Select(all))
            {
                yield return record;
            }

            yield break;
        }

        // Follow: one open log stream per pod, merged in arrival order (the server applies sinceSeconds).
        var followed = LogMerge.InterleaveAsync(pods.Select(pod => (Func<CancellationToken, IAsyncEnumerable<LogRecord>>)(stop => PodRecordsAsync(ns, pod, tail, since, follow: true, redactor, stop))), cancellation);
        await foreach (var record in followed.ConfigureAwait(false))
        {
            if (query.Keeps(record))
            {
                yield return record;
            }
        }
    }

    /// <summary>One pod's log lines (timestamps on), parsed and redacted; <c>Source</c> = the pod name.</summary>
    private async IAsyncEnumerable<LogRecord> PodRecordsAsync(string ns, string pod, int? tail, int? since, bool follow, Redactor redactor, [EnumeratorCancellation] CancellationToken cancellation)
    {
        await using var stream = await _api.PodLogAsync(ns, pod, tail, since, follow, cancellation).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellation).ConfigureAwait(false) is { } line)
        {
            if (line.Length > 0)
            {
                yield return RuntimeLogParser.ParseTimestamped(line, pod, "stdout", redactor);
            }
        }
    }

    /// <summary>The unit's secret values as the cluster holds them (the Secret's <c>data</c>), best effort.</summary>
    private async Task<Redactor> RedactorAsync(TargetRecord target, CancellationToken cancellation)
    {
        var redactor = new Redactor();
        var secret = target.Resources.FirstOrDefault(r => r.Type == KubernetesResources.SecretType);
        if (secret is null)
        {
            return redactor;
        }

        var live = await _api.ReadAsync(KubernetesResources.SecretType, secret.Scope, secret.Name, cancellation).ConfigureAwait(false);
        foreach (var (_, value) in live?["data"] as JsonObject ?? new JsonObject())
        {
            if (value?.GetValue<string>() is { Length: > 0 } encoded)
            {
                redactor.Register(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
            }
        }

        return redactor;
    }
}
