using System.Globalization;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Desired;
using AgentSpec.Engine.Providers.Docker;
using AgentSpec.Engine.Providers.Kubernetes;

namespace AgentSpec.Engine.Providers.Compose;

/// <summary>
/// Desired resources of a compose stack (deployment spec §3.2, §7.3): per deploy an <c>Image</c> (the docker target's
/// build, unchanged) and a <c>Service</c> holding the generated compose mapping of that service (secrets as
/// <c>${AS_SECRET__…}</c> references, fingerprints in <c>secretEnv</c>). A service depends on its image and on every
/// service its <c>env</c> points at (<c>http(s)://&lt;service&gt;…</c>). Deterministic and lineage-free.
/// </summary>
public static class ComposeResources
{
    public const string Kind = "docker-compose";
    public const string ImageType = DockerResources.ImageType;
    public const string ServiceType = "Service";
    public const string RestartPolicy = "unless-stopped";

    /// <summary>Every path of a Service except the replica count replaces its containers (<c>up --force-recreate</c>).</summary>
    public static readonly IReadOnlyList<string> ReplaceOn =
    [
        "project", "imageBuildHash", "dependsOn", "secretEnv",
        "service.image", "service.depends_on", "service.environment", "service.labels", "service.init", "service.restart",
        "service.ports", "service.healthcheck", "service.deploy.resources", "service.networks", "service.network_mode",
    ];

    public static IReadOnlyList<DesiredResource> Build(
        IReadOnlyList<DeploymentUnit> units,
        string? environment,
        Func<SecretReference, string?> fingerprint,
        RuntimeInfo? runtime,
        string baseImage,
        string? network)
    {
        if (units.Count == 0)
        {
            return Array.Empty<DesiredResource>();
        }

        var project = ComposeNames.Project(units[0].Configuration.Package.Name);
        var services = units.ToDictionary(u => ComposeNames.Service(u.Deploy), StringComparer.Ordinal);
        // One set of service names for the whole stack (not one copy per unit: 500 units would build 500 sets of 500).
        var names = services.Keys.ToHashSet(StringComparer.Ordinal);
        var dependencies = units.ToDictionary(u => ComposeNames.Service(u.Deploy), u => DependenciesOf(u, names), StringComparer.Ordinal);
        ThrowOnCycle(dependencies);
        var resources = new List<DesiredResource>();
        foreach (var unit in units)
        {
            var dockerImage = DockerResources.Build(unit, environment, fingerprint, runtime, baseImage, null).Single(r => r.Type == DockerResources.ImageType);
            var imageAddress = DesiredResource.AddressOf(unit.Deploy, Kind, ImageType, null, unit.Name);
            resources.Add(new DesiredResource
            {
                Address = imageAddress,
                Target = unit.Deploy,
                Kind = Kind,
                Type = ImageType,
                Name = unit.Name,
                Attributes = dockerImage.Attributes,
                UnknownPaths = dockerImage.UnknownPaths,
                ReplaceOn = ["*"],
            });

            var service = ComposeNames.Service(unit.Deploy);
            var needs = dependencies[service];
            resources.Add(Service(unit, environment, fingerprint, project, service, needs, services, network,
                dockerImage.Attributes["buildHash"]?.GetValue<string>(), imageAddress));
        }

        return resources;
    }

    /// <summary>The services <paramref name="unit"/> reaches through an <c>http(s)://</c> URL in its <c>env</c>, sorted.</summary>
    public static IReadOnlyList<string> DependenciesOf(DeploymentUnit unit, IEnumerable<string> services)
    {
        var self = ComposeNames.Service(unit.Deploy);
        var known = services as IReadOnlySet<string> ?? services.ToHashSet(StringComparer.Ordinal);
        return unit.Settings.Env.Values
            .Select(v => Uri.TryCreate(v, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.Host : null)
            .OfType<string>()
            .Where(host => host != self && known.Contains(host))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static DesiredResource Service(
        DeploymentUnit unit, string? environment, Func<SecretReference, string?> fingerprint, string project, string service,
        IReadOnlyList<string> needs, IReadOnlyDictionary<string, DeploymentUnit> units, string? network, string? buildHash, string imageAddress)
    {
        var settings = unit.Settings;
        var address = DesiredResource.AddressOf(unit.Deploy, Kind, ServiceType, project, service);
        var env = new JsonObject();
        foreach (var (name, value) in RuntimeEnvironment.Of(unit, environment))
        {
            env[name] = ComposeNames.Literal(value);
        }

        var (secretEnv, sensitive, unknown, bindings) = SecretEnvironment.Build(unit, fingerprint);
        foreach (var (name, _) in secretEnv)
        {
            env[name] = "${" + ComposeNames.SecretVariable(service, name) + "}";
        }

        var labels = DockerLabels.Own(unit, address);
        labels[KubernetesLabels.AppName] = KubernetesLabels.RuntimeName;
        var port = settings.Port.ToString(CultureInfo.InvariantCulture);
        var deploy = new JsonObject { ["replicas"] = settings.Replicas };
        if (settings.Resources is { } limits && (limits.Cpu is not null || limits.Memory is not null))
        {
            var limit = new JsonObject();
            if (limits.Cpu is { } cpu)
            {
                limit["cpus"] = ComposeQuantities.Cpus(cpu.Millicores);
            }

            if (limits.Memory is { } memory)
            {
                limit["memory"] = ComposeQuantities.Memory(memory.Bytes);
            }

            deploy["resources"] = new JsonObject { ["limits"] = limit };
        }

        var mapping = new JsonObject
        {
            ["deploy"] = deploy,
            ["environment"] = env,
            ["image"] = ComposeNames.Literal(DockerResources.TagOf(unit)),
            ["init"] = true,
            ["labels"] = new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)JsonValue.Create(ComposeNames.Literal(l.Value))))),
            ["restart"] = RestartPolicy,
        };
        if (needs.Count > 0)
        {
            var dependsOn = new JsonObject();
            foreach (var need in needs)
            {
                dependsOn[need] = new JsonObject { ["condition"] = units[need].Settings.Health is null ? "service_started" : "service_healthy" };
            }

            mapping["depends_on"] = dependsOn;
        }

        if (settings.Health is { } health)
        {
            mapping["healthcheck"] = new JsonObject
            {
                ["interval"] = ComposeQuantities.Duration(health.Interval.Value),
                ["retries"] = 3,
                ["start_period"] = "10s",
                ["test"] = new JsonArray(DockerfileText.HealthcheckCommand(settings.Port, health).Select(w => (JsonNode?)JsonValue.Create(ComposeNames.Literal(w))).ToArray()),
                ["timeout"] = ComposeQuantities.Duration(health.Timeout.Value),
            };
        }

        if (network == "host")
        {
            mapping["network_mode"] = "host";
        }
        else
        {
            mapping["networks"] = new JsonArray(ComposeNames.NetworkKey);
            mapping["ports"] = new JsonArray(settings.Replicas > 1 ? port : port + ":" + port);
        }

        var attributes = Json.JsonFiles.SortedObject(new JsonObject
        {
            ["dependsOn"] = new JsonArray(needs.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
            ["imageBuildHash"] = buildHash,
            ["project"] = project,
            ["replicas"] = settings.Replicas,
            ["secretEnv"] = secretEnv,
            ["service"] = mapping,
        });
        StampSpecHash(attributes);
        return new DesiredResource
        {
            Address = address,
            Target = unit.Deploy,
            Kind = Kind,
            Type = ServiceType,
            Name = service,
            Scope = project,
            Attributes = attributes,
            SensitivePaths = sensitive,
            UnknownPaths = buildHash is null ? unknown.Append("imageBuildHash").ToList() : unknown,
            ReplaceOn = ReplaceOn,
            DependsOn = needs.Select(n => DesiredResource.AddressOf(units[n].Deploy, Kind, ServiceType, project, n)).Prepend(imageAddress).ToList(),
            IsWorkload = true,
            SecretBindings = bindings,
        };
    }

    /// <summary>
    /// Sets the service's <c>agentspec.io/spec-hash</c> label to the hash of the attributes without it and without the
    /// replica count, so that scaling alone leaves the containers' labels (and so the containers) as they are.
    /// </summary>
    public static string StampSpecHash(JsonObject attributes)
    {
        var labels = attributes["service"]?["labels"] as JsonObject ?? throw new InvalidOperationException("service attributes without labels");
        labels.Remove(KubernetesLabels.SpecHash);
        var hashed = (JsonObject)attributes.DeepClone();
        hashed["replicas"] = null;
        if (hashed["service"]?["deploy"] is JsonObject deploy)
        {
            deploy["replicas"] = null;
        }

        var hash = CanonicalJson.Hash(hashed);
        labels[KubernetesLabels.SpecHash] = hash;
        if (attributes["service"] is JsonObject service)
        {
            service["labels"] = Json.JsonFiles.Sorted(labels.DeepClone());
        }

        return hash;
    }

    private static void ThrowOnCycle(IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var start in dependencies.Keys.Order(StringComparer.Ordinal))
        {
            Visit(start, new List<string>());
        }

        void Visit(string service, List<string> path)
        {
            if (state.GetValueOrDefault(service) == 2)
            {
                return;
            }

            if (state.GetValueOrDefault(service) == 1)
            {
                var cycle = path.SkipWhile(s => s != service).Append(service);
                throw new AgentSpecException(ErrorIds.SpecInvalid, AgentSpecErrorCategory.InvalidData,
                    $"AS5112: the compose services depend on each other in a cycle: {string.Join(" -> ", cycle)}.", service)
                {
                    RecommendedAction = "Remove one of the env URLs that point at another service of the stack.",
                };
            }

            state[service] = 1;
            path.Add(service);
            foreach (var next in dependencies[service])
            {
                Visit(next, path);
            }

            path.RemoveAt(path.Count - 1);
            state[service] = 2;
        }
    }
}
