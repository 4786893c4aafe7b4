using System.Text.Json.Nodes;
using AgentSpec.Engine.Providers.Kubernetes;

namespace AgentSpec.Engine.Providers.Docker;

/// <summary>
/// The ownership labels of deployment spec §3.1 on Docker containers and images: the same keys as on Kubernetes, with
/// the address and the full <c>sha256:</c> spec hash as labels (Docker label values allow them).
/// </summary>
public static class DockerLabels
{
    /// <summary>The labels every object of a unit carries (spec hash and lineage are added later).</summary>
    public static Dictionary<string, string> Own(DeploymentUnit unit, string address)
    {
        var labels = KubernetesLabels.Own(unit);
        labels[KubernetesLabels.Address] = address;
        return labels;
    }

    /// <summary>Sets <c>labels["agentspec.io/spec-hash"]</c> of container attributes to the hash of the attributes without it.</summary>
    public static string StampSpecHash(JsonObject attributes)
    {
        var labels = attributes["labels"] as JsonObject ?? throw new InvalidOperationException("container attributes without labels");
        labels.Remove(KubernetesLabels.SpecHash);
        var hash = CanonicalJson.Hash(attributes);
        labels[KubernetesLabels.SpecHash] = hash;
        attributes["labels"] = Json.JsonFiles.Sorted(labels.DeepClone());
        return hash;
    }

    /// <summary>Ours = managed by agentspec, the same address and, when both are known, the same lineage.</summary>
    public static bool Owns(IDictionary<string, string>? labels, string address, string lineage)
    {
        if (labels is null
            || !labels.TryGetValue(KubernetesLabels.ManagedBy, out var manager) || manager != KubernetesLabels.Manager
            || !labels.TryGetValue(KubernetesLabels.Address, out var liveAddress) || liveAddress != address)
        {
            return false;
        }

        return string.IsNullOrEmpty(lineage) || !labels.TryGetValue(KubernetesLabels.Lineage, out var liveLineage)
            || string.IsNullOrEmpty(liveLineage) || liveLineage == lineage;
    }

    /// <summary>The labels an object is created with: the recorded ones plus the lineage.</summary>
    public static Dictionary<string, string> WithLineage(IDictionary<string, string> labels, string lineage)
    {
        var result = new Dictionary<string, string>(labels, StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(lineage))
        {
            result[KubernetesLabels.Lineage] = lineage;
        }

        return result;
    }
}
