namespace AgentSpec.Engine.Providers.Kubernetes;

/// <summary>Where the cluster is (deployment spec §2.4): <c>-KubeConfig</c>/<c>KUBECONFIG</c> and <c>-Context</c>/<c>AGENTSPEC_KUBE_CONTEXT</c>.</summary>
public sealed class KubernetesConnectionSettings
{
    /// <summary>A path list (platform separator); null = <c>KUBECONFIG</c>, else the user default file, else in-cluster.</summary>
    public string? KubeConfig { get; init; }

    /// <summary>Null = the kubeconfig's <c>current-context</c>.</summary>
    public string? Context { get; init; }

    /// <summary>How often a rollout is polled (§7.4: 2 s).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    public static KubernetesConnectionSettings FromEnvironment() => new()
    {
        KubeConfig = Environment.GetEnvironmentVariable("KUBECONFIG") is { Length: > 0 } files ? files : null,
        Context = Environment.GetEnvironmentVariable("AGENTSPEC_KUBE_CONTEXT") is { Length: > 0 } context ? context : null,
    };
}
