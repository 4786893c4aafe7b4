using System.Globalization;
using k8s.Models;

namespace AgentSpec.Engine.Providers.Kubernetes;

/// <summary>
/// The typed KubernetesClient objects of one unit (deployment spec §7.4), before hashing: Namespace (when not
/// <c>default</c>), Secret (when the unit has secret variables; data left empty here), ConfigMap, Deployment, Service,
/// HorizontalPodAutoscaler (with <c>autoscale</c>) and PodDisruptionBudget (when <c>autoscale.min ≥ 2</c>).
/// </summary>
public static class KubernetesManifests
{
    public const string ContainerName = "runtime";
    public const string PortName = "http";
    public const string ConfigPath = "/etc/agentspec/config.json";
    public const int RuntimeUser = 65532;

    public static string NamespaceOf(DeploymentUnit unit) => unit.Settings.Namespace is { Length: > 0 } ns ? ns : "default";

    public static string SecretName(DeploymentUnit unit) => unit.Name + "-secrets";

    public static string ConfigMapName(DeploymentUnit unit) => unit.Name + "-config";

    /// <summary>The image as written, else <c>agentspec/runtime:&lt;module version&gt;</c>.</summary>
    public static string ImageOf(DeploymentUnit unit) => unit.Settings.Image is { Length: > 0 } image ? image : "agentspec/runtime:" + ToolVersion.Current;

    public static V1Namespace Namespace(DeploymentUnit unit) => new()
    {
        ApiVersion = "v1",
        Kind = "Namespace",
        Metadata = new V1ObjectMeta { Name = NamespaceOf(unit), Labels = KubernetesLabels.Own(unit) },
    };

    /// <summary>The Secret without data (the caller adds fingerprints for the attributes or values for the API).</summary>
    public static V1Secret Secret(DeploymentUnit unit) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = Meta(unit, SecretName(unit)),
        Type = "Opaque",
    };

    public static V1ConfigMap ConfigMap(DeploymentUnit unit, string configJson) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = Meta(unit, ConfigMapName(unit)),
        Data = new Dictionary<string, string>(StringComparer.Ordinal) { ["config.json"] = configJson },
    };

    public static V1Deployment Deployment(DeploymentUnit unit, string? environment, bool hasSecret, string configHash)
    {
        var settings = unit.Settings;
        var env = new SortedDictionary<string, string>(Desired.RuntimeEnvironment.Of(unit, environment), StringComparer.Ordinal);

        var container = new V1Container
        {
            Name = ContainerName,
            Image = ImageOf(unit),
            Command = ["/app/agentspec"],
            Args = ["run", "--config", ConfigPath, "--host", "0.0.0.0", "--port", settings.Port.ToString(CultureInfo.InvariantCulture)],
            Ports = [new V1ContainerPort { Name = PortName, ContainerPort = (int)settings.Port, Protocol = "TCP" }],
            Env = env.Select(p => new V1EnvVar { Name = p.Key, Value = p.Value }).ToList(),
            EnvFrom = hasSecret ? [new V1EnvFromSource { SecretRef = new V1SecretEnvSource { Name = SecretName(unit) } }] : null,
            Resources = Resources(settings.Resources),
            SecurityContext = new V1SecurityContext
            {
                AllowPrivilegeEscalation = false,
                ReadOnlyRootFilesystem = true,
                Capabilities = new V1Capabilities { Drop = ["ALL"] },
            },
            VolumeMounts =
            [
                new V1VolumeMount { Name = "config", MountPath = "/etc/agentspec", ReadOnlyProperty = true },
                new V1VolumeMount { Name = "tmp", MountPath = "/tmp" },
            ],
        };
        if (settings.Health is { } health)
        {
            var period = CeilSeconds(health.Interval.Value);
            var timeout = CeilSeconds(health.Timeout.Value);
            container.ReadinessProbe = new V1Probe
            {
                HttpGet = new V1HTTPGetAction { Path = health.Path, Port = PortName },
                PeriodSeconds = period,
                TimeoutSeconds = timeout,
                FailureThreshold = 3,
            };
            container.LivenessProbe = new V1Probe
            {
                HttpGet = new V1HTTPGetAction { Path = health.Path, Port = PortName },
                InitialDelaySeconds = 10,
                PeriodSeconds = period,
                TimeoutSeconds = timeout,
                FailureThreshold = 5,
            };
        }

        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = Meta(unit, unit.Name),
            Spec = new V1DeploymentSpec
            {
                Replicas = settings.Autoscale is null ? (int)settings.Replicas : null,
                RevisionHistoryLimit = 5,
                Selector = new V1LabelSelector { MatchLabels = KubernetesLabels.Selector(unit) },
                Strategy = new V1DeploymentStrategy
                {
                    Type = "RollingUpdate",
                    RollingUpdate = new V1RollingUpdateDeployment { MaxUnavailable = 0, MaxSurge = 1 },
                },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta
                    {
                        Labels = KubernetesLabels.Pod(unit),
                        Annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [KubernetesLabels.ConfigHash] = configHash },
                    },
                    Spec = new V1PodSpec
                    {
                        AutomountServiceAccountToken = false,
                        SecurityContext = new V1PodSecurityContext
                        {
                            RunAsNonRoot = true,
                            RunAsUser = RuntimeUser,
                            RunAsGroup = RuntimeUser,
                            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
                        },
                        Containers = [container],
                        Volumes =
                        [
                            new V1Volume { Name = "config", ConfigMap = new V1ConfigMapVolumeSource { Name = ConfigMapName(unit) } },
                            new V1Volume { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource() },
                        ],
                    },
                },
            },
        };
    }

    public static V1Service Service(DeploymentUnit unit) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = Meta(unit, unit.Name),
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            // Sessions live in one replica's memory: keep a client on one pod whenever there can be several.
            SessionAffinity = unit.Settings.Replicas > 1 || unit.Settings.Autoscale is not null ? "ClientIP" : null,
            Selector = KubernetesLabels.Selector(unit),
            Ports = [new V1ServicePort { Name = PortName, Port = (int)unit.Settings.Port, TargetPort = PortName, Protocol = "TCP" }],
        },
    };

    public static V2HorizontalPodAutoscaler Autoscaler(DeploymentUnit unit, ResolvedAutoscale autoscale) => new()
    {
        ApiVersion = "autoscaling/v2",
        Kind = "HorizontalPodAutoscaler",
        Metadata = Meta(unit, unit.Name),
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = unit.Name },
            MinReplicas = (int)autoscale.Min,
            MaxReplicas = (int)autoscale.Max,
            Metrics =
            [
                new V2MetricSpec
                {
                    Type = "Resource",
                    Resource = new V2ResourceMetricSource
                    {
                        Name = autoscale.Metric,
                        Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = (int)autoscale.Target },
                    },
                },
            ],
        },
    };

    public static V1PodDisruptionBudget DisruptionBudget(DeploymentUnit unit) => new()
    {
        ApiVersion = "policy/v1",
        Kind = "PodDisruptionBudget",
        Metadata = Meta(unit, unit.Name),
        Spec = new V1PodDisruptionBudgetSpec
        {
            MaxUnavailable = 1,
            Selector = new V1LabelSelector { MatchLabels = KubernetesLabels.Selector(unit) },
        },
    };

    /// <summary>requests = limits (guaranteed QoS) in canonical quantity form; null without a <c>resources</c> block.</summary>
    public static V1ResourceRequirements? Resources(ResolvedResources? resources)
    {
        if (resources is null || (resources.Cpu is null && resources.Memory is null))
        {
            return null;
        }

        Dictionary<string, ResourceQuantity> Quantities()
        {
            var map = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal);
            if (resources.Cpu is { } cpu)
            {
                map["cpu"] = new ResourceQuantity(Cpu(cpu));
            }

            if (resources.Memory is { } memory)
            {
                map["memory"] = new ResourceQuantity(memory.Text);
            }

            return map;
        }

        return new V1ResourceRequirements { Requests = Quantities(), Limits = Quantities() };
    }

    /// <summary>Millicores in canonical form: whole cores as integers, else <c>&lt;n&gt;m</c>.</summary>
    public static string Cpu(CpuQuantity cpu) => cpu.Millicores % 1000 == 0
        ? (cpu.Millicores / 1000).ToString(CultureInfo.InvariantCulture)
        : cpu.Millicores.ToString(CultureInfo.InvariantCulture) + "m";

    private static int CeilSeconds(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));

    private static V1ObjectMeta Meta(DeploymentUnit unit, string name) => new()
    {
        Name = name,
        NamespaceProperty = NamespaceOf(unit),
        Labels = KubernetesLabels.Own(unit),
    };
}
