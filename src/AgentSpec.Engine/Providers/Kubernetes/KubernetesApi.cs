using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace AgentSpec.Engine.Providers.Kubernetes;

/// <summary>
/// The API calls the provider makes, per resource type, through the typed KubernetesClient operations: GET, server-side
/// apply (<c>application/apply-patch+yaml</c>, field manager <c>agentspec</c>, strict field validation) and DELETE.
/// Objects come back as JSON manifests.
/// </summary>
public sealed class KubernetesApi : IDisposable
{
    private const string Strict = "Strict";
    private readonly k8s.Kubernetes _client;

    public KubernetesApi(KubernetesClientConfiguration configuration) => _client = new k8s.Kubernetes(configuration);

    public IKubernetes Client => _client;

    public async Task<string> VersionAsync(CancellationToken cancellation)
    {
        var version = await _client.Version.GetCodeAsync(cancellation).ConfigureAwait(false);
        return version.GitVersion;
    }

    /// <summary>The live object, or null when it does not exist.</summary>
    public async Task<JsonObject?> ReadAsync(string type, string? ns, string name, CancellationToken cancellation)
    {
        var n = ns ?? string.Empty;
        try
        {
            object live = type switch
            {
                KubernetesResources.NamespaceType => await _client.CoreV1.ReadNamespaceAsync(name, cancellationToken: cancellation).ConfigureAwait(false),
                KubernetesResources.SecretType => await _client.CoreV1.ReadNamespacedSecretAsync(name, n, cancellationToken: cancellation).ConfigureAwait(false),
                KubernetesResources.ConfigMapType => await _client.CoreV1.ReadNamespacedConfigMapAsync(name, n, cancellationToken: cancellation).ConfigureAwait(false),
                KubernetesResources.DeploymentType => await _client.AppsV1.ReadNamespacedDeploymentAsync(name, n, cancellationToken: cancellation).ConfigureAwait(false),
                KubernetesResources.ServiceType => await _client.CoreV1.ReadNamespacedServiceAsync(name, n, cancellationToken: cancellation).ConfigureAwait(false),
                KubernetesResources.AutoscalerType => await _client.AutoscalingV2.ReadNamespacedHorizontalPodAutoscalerAsync(name, n, cancellationToken: cancellation).ConfigureAwait(false),
                KubernetesResources.DisruptionBudgetType => await _client.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync(name, n, cancellationToken: cancellation).ConfigureAwait(false),
                _ => throw new InvalidOperationException($"unknown kubernetes resource type {type}"),
            };
            return KubernetesResources.Manifest(live);
        }
        catch (HttpOperationException exception) when (exception.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Server-side apply of <paramref name="body"/> (a typed object); returns the object the server holds afterwards.</summary>
    public async Task<JsonObject> ApplyAsync(string type, string? ns, string name, object body, bool force, CancellationToken cancellation)
    {
        var patch = new V1Patch(body, V1Patch.PatchType.ApplyPatch);
        var n = ns ?? string.Empty;
        const string manager = KubernetesLabels.Manager;
        object result = type switch
        {
            KubernetesResources.NamespaceType => await _client.CoreV1.PatchNamespaceAsync(patch, name, fieldManager: manager, fieldValidation: Strict, force: force, cancellationToken: cancellation).ConfigureAwait(false),
            KubernetesResources.SecretType => await _client.CoreV1.PatchNamespacedSecretAsync(patch, name, n, fieldManager: manager, fieldValidation: Strict, force: force, cancellationToken: cancellation).ConfigureAwait(false),
            KubernetesResources.ConfigMapType => await _client.CoreV1.PatchNamespacedConfigMapAsync(patch, name, n, fieldManager: manager, fieldValidation: Strict, force: force, cancellationToken: cancellation).ConfigureAwait(false),
            KubernetesResources.DeploymentType => await _client.AppsV1.PatchNamespacedDeploymentAsync(patch, name, n, fieldManager: manager, fieldValidation: Strict, force: force, cancellationToken: cancellation).ConfigureAwait(false),
            KubernetesResources.ServiceType => await _client.CoreV1.PatchNamespacedServiceAsync(patch, name, n, fieldManager: manager, fieldValidation: Strict, force: force, cancellationToken: cancellation).ConfigureAwait(false),
            KubernetesResources.AutoscalerType => await _client.AutoscalingV2.PatchNamespacedHorizontalPodAutoscalerAsync(patch, name, n, fieldManager: manager, fieldValidation: Strict, force: force, cancellationToken: cancellation).ConfigureAwait(false),
            KubernetesResources.DisruptionBudgetType => await _client.PolicyV1.PatchNamespacedPodDisruptionBudgetAsync(patch, name, n, fieldManager: manager, fieldValidation: Strict, force: force, cancellationToken: cancellation).ConfigureAwait(false),
            _ => throw new InvalidOperationException($"unknown kubernetes resource type {type}"),
        };
        return KubernetesResources.Manifest(result);
    }

    /// <summary>Deletes an object (background propagation); false when it was already absent.</summary>
    public async Task<bool> DeleteAsync(string type, string? ns, string name, CancellationToken cancellation)
    {
        var n = ns ?? string.Empty;
        const string background = "Background";
        try
        {
            object deleted = type switch
            {
                KubernetesResources.NamespaceType => await _client.CoreV1.DeleteNamespaceAsync(name, propagationPolicy: background, cancellationToken: cancellation).ConfigureAwait(false),
                KubernetesResources.SecretType => await _client.CoreV1.DeleteNamespacedSecretAsync(name, n, propagationPolicy: background, cancellationToken: cancellation).ConfigureAwait(false),
                KubernetesResources.ConfigMapType => await _client.CoreV1.DeleteNamespacedConfigMapAsync(name, n, propagationPolicy: background, cancellationToken: cancellation).ConfigureAwait(false),
                KubernetesResources.DeploymentType => await _client.AppsV1.DeleteNamespacedDeploymentAsync(name, n, propagationPolicy: background, cancellationToken: cancellation).ConfigureAwait(false),
                KubernetesResources.ServiceType => await _client.CoreV1.DeleteNamespacedServiceAsync(name, n, propagationPolicy: background, cancellationToken: cancellation).ConfigureAwait(false),
                KubernetesResources.AutoscalerType => await _client.AutoscalingV2.DeleteNamespacedHorizontalPodAutoscalerAsync(name, n, propagationPolicy: background, cancellationToken: cancellation).ConfigureAwait(false),
                KubernetesResources.DisruptionBudgetType => await _client.PolicyV1.DeleteNamespacedPodDisruptionBudgetAsync(name, n, propagationPolicy: background, cancellationToken: cancellation).ConfigureAwait(false),
                _ => throw new InvalidOperationException($"unknown kubernetes resource type {type}"),
            };
            _ = deleted;
            return true;
        }
        catch (HttpOperationException exception) when (exception.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<IList<V1Pod>> PodsAsync(string ns, IDictionary<string, string> selector, CancellationToken cancellation)
    {
        var text = string.Join(',', selector.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var list = await _client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: text, cancellationToken: cancellation).ConfigureAwait(false);
        return list.Items;
    }

    /// <summary>A pod's log (<c>pods/{name}/log</c>) with timestamps; with <paramref name="follow"/> the stream stays open for new lines.</summary>
    public Task<Stream> PodLogAsync(string ns, string pod, int? tailLines, int? sinceSeconds, bool follow, CancellationToken cancellation) =>
        _client.CoreV1.ReadNamespacedPodLogAsync(pod, ns, follow: follow, sinceSeconds: sinceSeconds, tailLines: tailLines, timestamps: true, cancellationToken: cancellation);

    /// <summary>The message of a failed call: the API's <c>Status.message</c> when the body is one, else the HTTP status.</summary>
    public static string Describe(HttpOperationException exception)
    {
        var response = exception.Response;
        var content = response?.Content;
        if (response is not null && !string.IsNullOrEmpty(content))
        {
            try
            {
                if (JsonNode.Parse(content) is JsonObject status && status["message"]?.GetValue<string>() is { Length: > 0 } message)
                {
                    return $"{(int)response.StatusCode} {status["reason"]?.GetValue<string>() ?? response.StatusCode.ToString()}: {message}";
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // Not a Status body: fall back to the status line.
            }
        }

        return response is not null ? $"{(int)response.StatusCode} {response.ReasonPhrase}" : exception.Message;
    }

    public void Dispose() => _client.Dispose();
}
