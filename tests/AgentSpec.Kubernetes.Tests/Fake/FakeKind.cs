namespace AgentSpec.Kubernetes.Tests.Fake;

/// <summary>One resource type the fake serves: its group/version, plural, kind, scope and the typed model it validates against.</summary>
public sealed record FakeKind(string Group, string Version, string Plural, string Kind, bool Namespaced, Type Model, bool ClusterRoot = false)
{
    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public static readonly IReadOnlyList<FakeKind> All =
    [
        new(string.Empty, "v1", "namespaces", "Namespace", false, typeof(k8s.Models.V1Namespace)),
        new(string.Empty, "v1", "secrets", "Secret", true, typeof(k8s.Models.V1Secret)),
        new(string.Empty, "v1", "configmaps", "ConfigMap", true, typeof(k8s.Models.V1ConfigMap)),
        new(string.Empty, "v1", "services", "Service", true, typeof(k8s.Models.V1Service)),
        new(string.Empty, "v1", "pods", "Pod", true, typeof(k8s.Models.V1Pod)),
        new(string.Empty, "v1", "events", "Event", true, typeof(k8s.Models.Corev1Event)),
        new("apps", "v1", "deployments", "Deployment", true, typeof(k8s.Models.V1Deployment)),
        new("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, typeof(k8s.Models.V2HorizontalPodAutoscaler)),
        new("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, typeof(k8s.Models.V1PodDisruptionBudget)),
    ];
}
