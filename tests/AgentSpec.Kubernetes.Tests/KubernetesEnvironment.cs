namespace AgentSpec.Kubernetes.Tests;

/// <summary>Tests that set KUBECONFIG and secret variables run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KubernetesEnvironment
{
    public const string Name = "kubernetes environment";
}
