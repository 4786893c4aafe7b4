using System.Text.Json.Nodes;
using AgentSpec.Engine.Desired;
using k8s;

namespace AgentSpec.Engine.Providers.Kubernetes;

/// <summary>
/// Desired resources of a <c>kubernetes</c> unit (deployment spec §3.2, §7.4): each resource's attributes are its
/// manifest as JSON (keys sorted), the Secret's <c>data</c> holding fingerprints. Deterministic. The lineage label is
/// not an attribute: it is added when an object is sent (apply) or exported with a state.
/// </summary>
public static class KubernetesResources
{
    public const string Kind = "kubernetes";
    public const string NamespaceType = "Namespace";
    public const string SecretType = "Secret";
    public const string ConfigMapType = "ConfigMap";
    public const string DeploymentType = "Deployment";
    public const string ServiceType = "Service";
    public const string AutoscalerType = "HorizontalPodAutoscaler";
    public const string DisruptionBudgetType = "PodDisruptionBudget";

    public const string ConfigJsonPath = "data[\"config.json\"]";

    public static IReadOnlyList<DesiredResource> Build(DeploymentUnit unit, string? environment, Func<SecretReference, string?> fingerprint)
    {
        var ns = KubernetesManifests.NamespaceOf(unit);
        var resources = new List<DesiredResource>();
        string? namespaceAddress = null;
        if (ns != "default")
        {
            namespaceAddress = DesiredResource.AddressOf(unit.Deploy, Kind, NamespaceType, null, ns);
            resources.Add(Resource(unit, environment, NamespaceType, null, ns, Manifest(KubernetesManifests.Namespace(unit)), []));
        }

        var scoped = namespaceAddress is null ? Array.Empty<string>() : [namespaceAddress];

        // Secret: one data key per runtime variable that carries a secret, holding the value's fingerprint.
        var references = unit.Configuration.Secrets.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var data = new JsonObject();
        var sensitive = new List<string>();
        var unknown = new List<string>();
        var bindings = new List<ResourceSecretBinding>();
        foreach (var (secret, variable) in Desired.RuntimeDocumentJson.SecretVariables(unit.Configuration).OrderBy(p => p.Value, StringComparer.Ordinal))
        {
            if (!references.TryGetValue(secret, out var reference))
            {
                continue;
            }

            var print = fingerprint(reference);
            data[variable] = print;
            var path = Json.JsonPath.Child("data", variable);
            sensitive.Add(path);
            if (print is null)
            {
                unknown.Add(path);
            }

            bindings.Add(new ResourceSecretBinding { Env = variable, Secret = reference.Name, Source = reference.Source, Key = reference.Key, Fingerprint = print });
        }

        var dependencies = new List<string>(scoped);
        if (bindings.Count > 0)
        {
            var secret = Manifest(KubernetesManifests.Secret(unit));
            secret["data"] = data;
            var resource = Resource(unit, environment, SecretType, ns, KubernetesManifests.SecretName(unit), secret, scoped);
            resources.Add(new DesiredResource
            {
                Address = resource.Address, Target = resource.Target, Kind = Kind, Type = SecretType, Name = resource.Name, Scope = ns,
                Attributes = resource.Attributes, SensitivePaths = sensitive, UnknownPaths = unknown, ReplaceOn = ["type"],
                DependsOn = scoped, SecretBindings = bindings,
            });
            dependencies.Add(resource.Address);
        }

        var content = Desired.RuntimeDocumentJson.Build(unit.Configuration);
        var configJson = Json.JsonFiles.Write(content);
        var configMap = Resource(unit, environment, ConfigMapType, ns, KubernetesManifests.ConfigMapName(unit), Manifest(KubernetesManifests.ConfigMap(unit, configJson)), scoped);
        resources.Add(configMap);
        dependencies.Add(configMap.Address);

        // The pod template's config hash rolls the pods on a configuration change or a secret rotation (§3.2).
        var configHash = CanonicalJson.Hash(new JsonObject
        {
            ["configMap"] = new JsonObject { ["config.json"] = configJson },
            ["secrets"] = data.DeepClone(),
        });
        var deployment = Resource(unit, environment, DeploymentType, ns, unit.Name,
            Manifest(KubernetesManifests.Deployment(unit, environment, bindings.Count > 0, configHash)), dependencies);
        resources.Add(new DesiredResource
        {
            Address = deployment.Address, Target = deployment.Target, Kind = Kind, Type = DeploymentType, Name = unit.Name, Scope = ns,
            Attributes = deployment.Attributes, ReplaceOn = ["spec.selector"], DependsOn = dependencies, IsWorkload = true,
            UnknownPaths = unknown.Count > 0 ? ["spec.template.metadata.annotations[\"agentspec.io/config-hash\"]"] : [],
        });

        string[] afterDeployment = [deployment.Address];
        resources.Add(Resource(unit, environment, ServiceType, ns, unit.Name, Manifest(KubernetesManifests.Service(unit)), afterDeployment));
        if (unit.Settings.Autoscale is { } autoscale)
        {
            resources.Add(Resource(unit, environment, AutoscalerType, ns, unit.Name, Manifest(KubernetesManifests.Autoscaler(unit, autoscale)), afterDeployment));
            if (autoscale.Min >= 2)
            {
                resources.Add(Resource(unit, environment, DisruptionBudgetType, ns, unit.Name, Manifest(KubernetesManifests.DisruptionBudget(unit)), afterDeployment));
            }
        }

        return resources;
    }

    /// <summary>A typed object as a JSON manifest (KubernetesClient's serialisation: nulls omitted).</summary>
    public static JsonObject Manifest(object typed) =>
        JsonNode.Parse(KubernetesJson.Serialize(typed)) as JsonObject ?? throw new InvalidOperationException("a manifest must serialise to an object");

    private static DesiredResource Resource(DeploymentUnit unit, string? environment, string type, string? scope, string name, JsonObject manifest, IReadOnlyList<string> dependsOn)
    {
        var address = DesiredResource.AddressOf(unit.Deploy, Kind, type, scope, name);
        var metadata = manifest["metadata"] as JsonObject ?? throw new InvalidOperationException("manifest without metadata");
        metadata["annotations"] = new JsonObject
        {
            [KubernetesLabels.Address] = address,
            [KubernetesLabels.Environment] = environment ?? string.Empty,
            [KubernetesLabels.ToolVersionKey] = ToolVersion.Current,
        };
        var sorted = Json.JsonFiles.SortedObject(manifest);
        KubernetesLabels.StampSpecHash(sorted);
        return new DesiredResource
        {
            Address = address,
            Target = unit.Deploy,
            Kind = Kind,
            Type = type,
            Name = name,
            Scope = scope,
            Attributes = Json.JsonFiles.SortedObject(sorted),
            JsonStringPaths = type == ConfigMapType ? [ConfigJsonPath] : [],
            DependsOn = dependsOn,
        };
    }
}
