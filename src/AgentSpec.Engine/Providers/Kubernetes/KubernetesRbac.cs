using k8s.Models;

namespace AgentSpec.Engine.Providers.Kubernetes;

/// <summary>
/// What the deploying identity needs for one unit (apply, rollout wait, drift, destroy, logs): a Role in the unit's
/// namespace and, when the unit has its own namespace, a ClusterRole for that namespace object.
/// </summary>
public static class KubernetesRbac
{
    private static readonly string[] Write = ["get", "list", "create", "patch", "delete"];
    private static readonly string[] Read = ["get", "list"];

    public static string RoleName(DeploymentUnit unit) => "agentspec-deployer-" + unit.Name;

    public static IReadOnlyList<object> For(DeploymentUnit unit)
    {
        var ns = KubernetesManifests.NamespaceOf(unit);
        var objects = new List<object>
        {
            new V1Role
            {
                ApiVersion = "rbac.authorization.k8s.io/v1",
                Kind = "Role",
                Metadata = new V1ObjectMeta { Name = RoleName(unit), NamespaceProperty = ns, Labels = KubernetesLabels.Own(unit) },
                Rules =
                [
                    new V1PolicyRule { ApiGroups = [""], Resources = ["secrets", "configmaps", "services"], Verbs = Write },
                    new V1PolicyRule { ApiGroups = ["apps"], Resources = ["deployments"], Verbs = Write },
                    new V1PolicyRule { ApiGroups = ["autoscaling"], Resources = ["horizontalpodautoscalers"], Verbs = Write },
                    new V1PolicyRule { ApiGroups = ["policy"], Resources = ["poddisruptionbudgets"], Verbs = Write },
                    new V1PolicyRule { ApiGroups = [""], Resources = ["pods", "pods/log", "events"], Verbs = Read },
                ],
            },
        };
        if (ns != "default")
        {
            objects.Add(new V1ClusterRole
            {
                ApiVersion = "rbac.authorization.k8s.io/v1",
                Kind = "ClusterRole",
                Metadata = new V1ObjectMeta { Name = RoleName(unit), Labels = KubernetesLabels.Own(unit) },
                Rules =
                [
                    new V1PolicyRule { ApiGroups = [""], Resources = ["namespaces"], ResourceNames = [ns], Verbs = ["get", "patch", "delete"] },
                    // Server-side apply of a missing namespace is a create, which RBAC cannot restrict by name.
                    new V1PolicyRule { ApiGroups = [""], Resources = ["namespaces"], Verbs = ["create"] },
                ],
            });
        }

        return objects;
    }
}
