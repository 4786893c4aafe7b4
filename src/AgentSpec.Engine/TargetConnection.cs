using AgentSpec.Engine.Providers.Kubernetes;

namespace AgentSpec.Engine;

/// <summary>
/// How to reach a target (deployment spec §2.4, §10.1 "Target connection"): the cmdlets' <c>-KubeConfig</c> and
/// <c>-Context</c>. A value left null falls back to its environment variable (<c>KUBECONFIG</c>,
/// <c>AGENTSPEC_KUBE_CONTEXT</c>), then to the kubeconfig defaults.
/// </summary>
public sealed class TargetConnection
{
    /// <summary>No parameters: every setting from the environment.</summary>
    public static TargetConnection Environment { get; } = new();

    /// <summary>A kubeconfig path list (platform separator) that replaces <c>KUBECONFIG</c>.</summary>
    public string? KubeConfig { get; init; }

    /// <summary>The kubeconfig context that replaces <c>AGENTSPEC_KUBE_CONTEXT</c> and <c>current-context</c>.</summary>
    public string? Context { get; init; }

    /// <summary>The Kubernetes provider's settings: parameters first, then the environment variables.</summary>
    public KubernetesConnectionSettings Kubernetes()
    {
        var fromEnvironment = KubernetesConnectionSettings.FromEnvironment();
        return new KubernetesConnectionSettings
        {
            KubeConfig = KubeConfig ?? fromEnvironment.KubeConfig,
            Context = Context ?? fromEnvironment.Context,
        };
    }
}
