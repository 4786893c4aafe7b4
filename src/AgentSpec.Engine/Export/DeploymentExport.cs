using AgentSpec.Engine.Desired;
using AgentSpec.Engine.Providers.Compose;
using AgentSpec.Engine.Providers.Docker;
using AgentSpec.Engine.Providers.Kubernetes;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Export;

/// <summary>
/// The files of <c>Export-AgentSpec</c> (deployment spec §10.3.11): offline, no target contacted, no secret resolved.
/// Every format also writes <c>resolved.json</c>; the state is read only for the Kubernetes lineage label.
/// </summary>
public static class DeploymentExport
{
    /// <summary>File name (relative, <c>/</c>-separated) → content; equal input gives byte-identical content.</summary>
    /// <summary>The build context holds only what the Dockerfile copies: the runtime and the configuration.</summary>
    public const string DockerIgnoreFile = ".dockerignore";

    private const string DockerIgnore = "*\n!Dockerfile\n!agentspec\n!config.json\n";

    public static IReadOnlyDictionary<string, string> Render(ResolvedDeployment resolved, string format, string statePath, string bindHost) =>
        Render(resolved, format, statePath, bindHost, DockerResources.BaseImageFromEnvironment());

    /// <param name="rbac">Also write <c>rbac.yaml</c>, the Role/ClusterRole the deploying identity needs (Kubernetes format only).</param>
    public static IReadOnlyDictionary<string, string> Render(ResolvedDeployment resolved, string format, string statePath, string bindHost, string baseImage, bool rbac = false)
    {
        ResolutionErrors.ThrowIfInvalid(resolved);
        Validation.TargetValidation.Require(resolved);
        var kind = resolved.Kind ?? string.Empty;
        var chosen = string.Equals(format, ExportFormats.Auto, StringComparison.OrdinalIgnoreCase) ? FormatFor(kind) : format;
        if (rbac && !string.Equals(chosen, ExportFormats.Kubernetes, StringComparison.OrdinalIgnoreCase))
        {
            throw Unsupported($"-Rbac exports the role of a \"kubernetes\" target; \"{resolved.Target}\" is exported as {chosen}.", chosen);
        }
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (string.Equals(chosen, ExportFormats.Process, StringComparison.OrdinalIgnoreCase))
        {
            RequireKind(kind, ProcessResources.Kind, chosen, resolved);
            Add(files, ProcessExport.Render(resolved, bindHost));
        }
        else if (string.Equals(chosen, ExportFormats.Kubernetes, StringComparison.OrdinalIgnoreCase))
        {
            RequireKind(kind, KubernetesResources.Kind, chosen, resolved);
            var lineage = StateStore.Read(statePath).Document?.Lineage;
            Add(files, KubernetesExport.Render(resolved, lineage, _ => null, rbac));
        }
        else if (string.Equals(chosen, ExportFormats.Dockerfile, StringComparison.OrdinalIgnoreCase))
        {
            RequireKind(kind, DockerResources.Kind, chosen, resolved);
            var unit = resolved.Units.Single();
            var resources = DockerResources.Build(
                unit, resolved.Environment, _ => null, RuntimeLocator.TryDescribe(DockerResources.ImageRid), baseImage, network: null);
            Add(files, DockerExport.Render(resources));
            files[DockerIgnoreFile] = DockerIgnore;
        }
        else if (string.Equals(chosen, ExportFormats.Compose, StringComparison.OrdinalIgnoreCase))
        {
            RequireKind(kind, ComposeResources.Kind, chosen, resolved);
            var resources = ComposeResources.Build(
                resolved.Units, resolved.Environment, _ => null, RuntimeLocator.TryDescribe(DockerResources.ImageRid), baseImage, DockerResources.NetworkFromEnvironment());
            var lineage = StateStore.Read(statePath).Document?.Lineage;
            Add(files, ComposeExport.Render(resources, resolved.Package?.Name ?? string.Empty, resolved.Package?.Version, resolved.Environment, lineage));
        }
        else if (!string.Equals(chosen, ExportFormats.Json, StringComparison.OrdinalIgnoreCase))
        {
            throw Unsupported($"Export format \"{chosen}\" is not available; use Auto, Process, Dockerfile, Compose, Kubernetes or Json.", chosen);
        }

        var json = resolved.ToJson();
        files[ExportFormats.ResolvedFile] = json.EndsWith('\n') ? json : json + "\n";
        return files;
    }

    private static string FormatFor(string kind) => kind switch
    {
        ProcessResources.Kind => ExportFormats.Process,
        KubernetesResources.Kind => ExportFormats.Kubernetes,
        DockerResources.Kind => ExportFormats.Dockerfile,
        ComposeResources.Kind => ExportFormats.Compose,
        _ => throw Unsupported($"Target kind \"{kind}\" has no exporter in this preview; -Format Json exports its resolved configuration.", kind),
    };

    private static void RequireKind(string kind, string expected, string format, ResolvedDeployment resolved)
    {
        if (kind != expected)
        {
            throw Unsupported($"-Format {format} exports \"{expected}\" targets, but \"{resolved.Target}\" is a \"{kind}\" target.", format);
        }
    }

    private static void Add(SortedDictionary<string, string> files, IReadOnlyDictionary<string, string> more)
    {
        foreach (var (name, content) in more)
        {
            files[name] = content;
        }
    }

    private static AgentSpecException Unsupported(string message, string target) =>
        new(ErrorIds.ExportFormatUnsupported, AgentSpecErrorCategory.InvalidArgument, message, target)
        {
            RecommendedAction = "Use -Format Auto (by target kind) or -Format Json.",
        };
}
