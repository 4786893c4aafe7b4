using System.Text;
using System.Text.Json.Nodes;

namespace AgentSpec.Engine.Providers.Kubernetes;

/// <summary>The ownership labels and annotations of deployment spec §3.1 on Kubernetes objects.</summary>
public static class KubernetesLabels
{
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string AppName = "app.kubernetes.io/name";
    public const string Instance = "app.kubernetes.io/instance";
    public const string Package = "agentspec.io/package";
    public const string Deploy = "agentspec.io/deploy";
    public const string Lineage = "agentspec.io/lineage";
    public const string SpecHash = "agentspec.io/spec-hash";
    public const string Address = "agentspec.io/address";
    public const string Environment = "agentspec.io/environment";
    public const string ToolVersionKey = "agentspec.io/tool-version";
    public const string ConfigHash = "agentspec.io/config-hash";
    public const string Manager = "agentspec";
    public const string RuntimeName = "agentspec-runtime";

    /// <summary>A label value: at most 63 characters of <c>[A-Za-z0-9._-]</c> with alphanumeric ends (others become <c>-</c>).</summary>
    public static string Value(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        }

        var value = builder.ToString();
        if (value.Length > 63)
        {
            value = value[..63];
        }

        return value.Trim('.', '_', '-');
    }

    /// <summary>The labels every object of a unit carries (the spec hash is stamped later).</summary>
    public static Dictionary<string, string> Own(DeploymentUnit unit) => new(StringComparer.Ordinal)
    {
        [ManagedBy] = Manager,
        [Instance] = unit.Name,
        [Package] = Value(unit.Configuration.Package.Name),
        [Deploy] = Value(unit.Deploy),
    };

    /// <summary>The selector of a unit's pods.</summary>
    public static Dictionary<string, string> Selector(DeploymentUnit unit) => new(StringComparer.Ordinal)
    {
        [Package] = Value(unit.Configuration.Package.Name),
        [Deploy] = Value(unit.Deploy),
    };

    /// <summary>The labels of the pod template.</summary>
    public static Dictionary<string, string> Pod(DeploymentUnit unit)
    {
        var labels = Own(unit);
        labels[AppName] = RuntimeName;
        return labels;
    }

    /// <summary>
    /// Sets the spec-hash label (first 16 hex digits) and annotation (full <c>sha256:…</c>) of a manifest to the hash of
    /// the manifest without them (deployment spec §3.3); returns the hash.
    /// </summary>
    public static string StampSpecHash(JsonObject manifest)
    {
        var metadata = manifest["metadata"] as JsonObject ?? throw new InvalidOperationException("manifest without metadata");
        (metadata["labels"] as JsonObject)?.Remove(SpecHash);
        (metadata["annotations"] as JsonObject)?.Remove(SpecHash);
        var hash = CanonicalJson.Hash(manifest);
        var labels = metadata["labels"] as JsonObject ?? new JsonObject();
        var annotations = metadata["annotations"] as JsonObject ?? new JsonObject();
        labels[SpecHash] = hash["sha256:".Length..][..16];
        annotations[SpecHash] = hash;
        metadata["labels"] = Json.JsonFiles.Sorted(labels.DeepClone());
        metadata["annotations"] = Json.JsonFiles.Sorted(annotations.DeepClone());
        return hash;
    }
}
