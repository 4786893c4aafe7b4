using System.Text;
using AgentSpec.Engine.Desired;
using k8s;

namespace AgentSpec.Engine.Providers.Kubernetes;

/// <summary>
/// The Kubernetes files of <c>Export-AgentSpec</c> (deployment spec §10.3.11), from the very desired resources that
/// apply sends: <c>manifests.yaml</c> (every object in apply order except the Secret), <c>secret.template.yaml</c>
/// (<c>stringData</c> placeholders, never values) and <c>rbac.yaml</c> (what the deploying identity needs).
/// </summary>
public static class KubernetesExport
{
    public const string ManifestsFile = "manifests.yaml";
    public const string SecretTemplateFile = "secret.template.yaml";
    public const string RbacFile = "rbac.yaml";

    /// <summary>File name → content (LF line ends, UTF-8), deterministic for equal input.</summary>
    public static IReadOnlyDictionary<string, string> Render(ResolvedDeployment resolved, string? lineage, Func<SecretReference, string?> fingerprint, bool rbac)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var manifests = new List<object>();
        var templates = new List<object>();
        var roles = new List<object>();
        foreach (var unit in resolved.Units.Where(u => u.Kind == KubernetesResources.Kind))
        {
            var resources = KubernetesResources.Build(unit, resolved.Environment, fingerprint);
            foreach (var resource in Ordered(resources))
            {
                if (resource.Type == KubernetesResources.SecretType)
                {
                    templates.Add(KubernetesBodies.SecretTemplate(resource.Attributes, lineage, resource.SecretBindings));
                    continue;
                }

                manifests.Add(KubernetesBodies.Typed(resource.Type, resource.Attributes, lineage));
            }

            roles.AddRange(KubernetesRbac.For(unit));
        }

        files[ManifestsFile] = Yaml(manifests);
        if (templates.Count > 0)
        {
            files[SecretTemplateFile] = Yaml(templates);
        }

        if (rbac)
        {
            files[RbacFile] = Yaml(roles);
        }

        return files;
    }

    /// <summary>Writes the rendered files into <paramref name="folder"/>; returns their full paths.</summary>
    public static IReadOnlyList<string> Write(ResolvedDeployment resolved, string folder, string? lineage, Func<SecretReference, string?> fingerprint, bool rbac)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var (name, content) in Render(resolved, lineage, fingerprint, rbac))
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, content, new UTF8Encoding(false));
            written.Add(path);
        }

        return written;
    }

    /// <summary>Objects in dependency order (ties keep the builder's order).</summary>
    public static IReadOnlyList<DesiredResource> Ordered(IReadOnlyList<DesiredResource> resources)
    {
        var result = new List<DesiredResource>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var byAddress = resources.ToDictionary(r => r.Address, StringComparer.Ordinal);
        void Visit(DesiredResource resource)
        {
            if (!done.Add(resource.Address))
            {
                return;
            }

            foreach (var dependency in resource.DependsOn)
            {
                if (byAddress.TryGetValue(dependency, out var other))
                {
                    Visit(other);
                }
            }

            result.Add(resource);
        }

        foreach (var resource in resources)
        {
            Visit(resource);
        }

        return result;
    }

    private static string Yaml(IEnumerable<object> objects) =>
        string.Join("---\n", objects.Select(o => KubernetesYaml.Serialize(o).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n"));
}
