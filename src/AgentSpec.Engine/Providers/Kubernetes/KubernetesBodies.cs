using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace AgentSpec.Engine.Providers.Kubernetes;

/// <summary>
/// Turns recorded or planned attributes back into the typed objects that are sent (apply) or written (export): the
/// lineage label is added when known, and the Secret's fingerprints become the resolved values (apply only).
/// </summary>
public static class KubernetesBodies
{
    /// <summary>The typed object for <paramref name="attributes"/>, strictly deserialised (unknown fields are a bug here).</summary>
    public static object Typed(string type, JsonObject attributes, string? lineage)
    {
        var manifest = (JsonObject)attributes.DeepClone();
        if (!string.IsNullOrEmpty(lineage) && manifest["metadata"] is JsonObject metadata && metadata["labels"] is JsonObject labels)
        {
            labels[KubernetesLabels.Lineage] = lineage;
            metadata["labels"] = Json.JsonFiles.Sorted(labels.DeepClone());
        }

        var json = manifest.ToJsonString();
        return type switch
        {
            KubernetesResources.NamespaceType => KubernetesYaml.Deserialize<V1Namespace>(json, true),
            KubernetesResources.SecretType => SecretWithout(json),
            KubernetesResources.ConfigMapType => KubernetesYaml.Deserialize<V1ConfigMap>(json, true),
            KubernetesResources.DeploymentType => KubernetesYaml.Deserialize<V1Deployment>(json, true),
            KubernetesResources.ServiceType => KubernetesYaml.Deserialize<V1Service>(json, true),
            KubernetesResources.AutoscalerType => KubernetesYaml.Deserialize<V2HorizontalPodAutoscaler>(json, true),
            KubernetesResources.DisruptionBudgetType => KubernetesYaml.Deserialize<V1PodDisruptionBudget>(json, true),
            _ => throw new InvalidOperationException($"unknown kubernetes resource type {type}"),
        };
    }

    /// <summary>The Secret as sent: <c>data</c> = the resolved values (base64 on the wire); a missing value is an error.</summary>
    public static V1Secret SecretWithValues(JsonObject attributes, string? lineage, IReadOnlyList<ResourceSecretBinding> bindings, IReadOnlyDictionary<string, string> values)
    {
        var secret = (V1Secret)Typed(KubernetesResources.SecretType, attributes, lineage);
        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var binding in bindings)
        {
            if (!values.TryGetValue(binding.Secret, out var value))
            {
                throw new AgentSpecException(ErrorIds.SecretUnresolvable, AgentSpecErrorCategory.ObjectNotFound,
                    $"Secret \"{binding.Secret}\" for {binding.Env} was not resolved.", binding.Secret);
            }

            data[binding.Env] = Encoding.UTF8.GetBytes(value);
        }

        secret.Data = data;
        return secret;
    }

    /// <summary>The Secret template of the export: <c>stringData</c> placeholders naming each secret and its reference.</summary>
    public static V1Secret SecretTemplate(JsonObject attributes, string? lineage, IReadOnlyList<ResourceSecretBinding> bindings)
    {
        var secret = (V1Secret)Typed(KubernetesResources.SecretType, attributes, lineage);
        secret.StringData = bindings.OrderBy(b => b.Env, StringComparer.Ordinal)
            .ToDictionary(b => b.Env, b => $"<from secret \"{b.Secret}\": {b.Source}({b.Key})>", StringComparer.Ordinal);
        return secret;
    }

    private static V1Secret SecretWithout(string json)
    {
        var node = JsonNode.Parse(json) as JsonObject ?? new JsonObject();
        node.Remove("data");
        return KubernetesYaml.Deserialize<V1Secret>(node.ToJsonString(), true);
    }
}
