using System.Globalization;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Desired;
using AgentSpec.Engine.Providers.Kubernetes;

namespace AgentSpec.Engine.Providers.Docker;

/// <summary>
/// Desired resources of a <c>docker</c> unit (deployment spec §3.2, §7.2): the <c>Image</c> (Dockerfile, runtime and
/// secret-free config.json) and the <c>Container</c> that runs it. Both are replaced on any change (containers are
/// immutable). Deterministic; the lineage label is added when an object is created, not held in the attributes.
/// </summary>
public static class DockerResources
{
    public const string Kind = "docker";
    public const string ImageType = "Image";
    public const string ContainerType = "Container";
    public const string DefaultBaseImage = "mcr.microsoft.com/dotnet/runtime-deps:10.0";
    public const string ContainerUser = "65532:65532";
    public const string RestartPolicy = "unless-stopped";
    private const long NanosPerSecond = 1_000_000_000L;

    /// <summary>The base image: <c>AGENTSPEC_BASE_IMAGE</c>, else <see cref="DefaultBaseImage"/>.</summary>
    public static string BaseImageFromEnvironment() =>
        Environment.GetEnvironmentVariable("AGENTSPEC_BASE_IMAGE") is { Length: > 0 } image ? image : DefaultBaseImage;

    /// <summary>The network: <c>AGENTSPEC_DOCKER_NETWORK</c> (<c>bridge</c>, <c>host</c> or a network name), else the engine default (null).</summary>
    public static string? NetworkFromEnvironment() =>
        Environment.GetEnvironmentVariable("AGENTSPEC_DOCKER_NETWORK") is { Length: > 0 } network ? network : null;

    /// <summary>The image tag of a unit: the deploy's <c>image</c>, else <c>agentspec-U:&lt;package version&gt;</c>.</summary>
    public static string TagOf(DeploymentUnit unit) =>
        unit.Settings.Image is { Length: > 0 } image
            ? image
            : $"agentspec-{unit.Name}:{(unit.Configuration.Package.Version is { Length: > 0 } v ? v.Replace('+', '-') : "latest")}";

    /// <summary>The runtime RID used inside images: Linux on the host's architecture.</summary>
    public static string ImageRid => RuntimeLocator.HostRid.EndsWith("arm64", StringComparison.Ordinal) ? "linux-arm64" : "linux-x64";

    public static IReadOnlyList<DesiredResource> Build(
        DeploymentUnit unit,
        string? environment,
        Func<SecretReference, string?> fingerprint,
        RuntimeInfo? runtime,
        string baseImage,
        string? network)
    {
        var settings = unit.Settings;
        var config = RuntimeDocumentJson.Build(unit.Configuration);
        var dockerfile = DockerfileText.Generate(unit, baseImage, runtime?.Version ?? "unknown", ImageRid);
        var tag = TagOf(unit);
        var unknown = new List<string>();
        JsonNode? runtimeNode = runtime is null ? null : new JsonObject { ["rid"] = runtime.Rid, ["sha256"] = runtime.Sha256, ["version"] = runtime.Version };
        if (runtime is null)
        {
            unknown.Add("runtime");
        }

        var buildHash = CanonicalJson.Hash(new JsonObject
        {
            ["config"] = config.DeepClone(),
            ["dockerfile"] = dockerfile,
            ["runtime"] = runtime?.Sha256,
        });
        var imageAddress = DesiredResource.AddressOf(unit.Deploy, Kind, ImageType, null, unit.Name);
        var image = new DesiredResource
        {
            Address = imageAddress,
            Target = unit.Deploy,
            Kind = Kind,
            Type = ImageType,
            Name = unit.Name,
            Attributes = Json.JsonFiles.SortedObject(new JsonObject
            {
                ["baseImage"] = baseImage,
                ["buildHash"] = buildHash,
                ["config"] = config,
                ["dockerfile"] = dockerfile,
                ["runtime"] = runtimeNode,
                ["tag"] = tag,
            }),
            UnknownPaths = unknown,
            ReplaceOn = ["*"],
        };

        var env = new JsonObject();
        foreach (var (name, value) in Desired.RuntimeEnvironment.Of(unit, environment))
        {
            env[name] = value;
        }

        var (secretEnv, sensitive, unknownSecrets, bindings) = Desired.SecretEnvironment.Build(unit, fingerprint);
        var port = settings.Port.ToString(CultureInfo.InvariantCulture);
        var ports = new JsonArray();
        if (network != "host")
        {
            ports.Add(new JsonObject { ["container"] = settings.Port, ["host"] = settings.Port, ["protocol"] = "tcp" });
        }

        JsonNode? healthcheck = null;
        if (settings.Health is { } health)
        {
            healthcheck = new JsonObject
            {
                ["intervalNs"] = Nanoseconds(health.Interval.Value),
                ["retries"] = 3,
                ["startPeriodNs"] = 10 * NanosPerSecond,
                ["test"] = Strings(DockerfileText.HealthcheckCommand(settings.Port, health)),
                ["timeoutNs"] = Nanoseconds(health.Timeout.Value),
            };
        }

        var containerAddress = DesiredResource.AddressOf(unit.Deploy, Kind, ContainerType, null, unit.Name);
        var labels = DockerLabels.Own(unit, containerAddress);
        labels[KubernetesLabels.AppName] = KubernetesLabels.RuntimeName;
        var attributes = new JsonObject
        {
            ["command"] = Strings(["--host", "0.0.0.0", "--port", port]),
            ["env"] = env,
            ["healthcheck"] = healthcheck,
            ["image"] = tag,
            ["imageBuildHash"] = buildHash,
            ["init"] = true,
            ["labels"] = Json.JsonFiles.SortedObject(new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)JsonValue.Create(l.Value))))),
            ["memoryBytes"] = settings.Resources?.Memory?.Bytes,
            ["name"] = unit.Name,
            ["nanoCpus"] = settings.Resources?.Cpu is { } cpu ? cpu.Millicores * 1_000_000L : null,
            ["network"] = network,
            ["ports"] = ports,
            ["restartPolicy"] = RestartPolicy,
            ["secretEnv"] = secretEnv,
            ["user"] = ContainerUser,
        };
        var sorted = Json.JsonFiles.SortedObject(attributes);
        DockerLabels.StampSpecHash(sorted);
        var container = new DesiredResource
        {
            Address = containerAddress,
            Target = unit.Deploy,
            Kind = Kind,
            Type = ContainerType,
            Name = unit.Name,
            Attributes = sorted,
            SensitivePaths = sensitive,
            UnknownPaths = unknownSecrets,
            ReplaceOn = ["*"],
            DependsOn = [imageAddress],
            IsWorkload = true,
            SecretBindings = bindings,
        };
        return [image, container];
    }

    private static long Nanoseconds(TimeSpan value) => value.Ticks * 100L;

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
