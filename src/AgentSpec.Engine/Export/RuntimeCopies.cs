using AgentSpec.Engine.Desired;
using AgentSpec.Engine.Providers.Docker;

namespace AgentSpec.Engine.Export;

/// <summary>
/// <c>Export-AgentSpec -IncludeRuntime</c> (deployment spec §10.3.11): the Linux runtime the image build copies
/// (<c>COPY agentspec /app/agentspec</c>), placed beside every exported Dockerfile so each build context is complete.
/// </summary>
public static class RuntimeCopies
{
    /// <summary>The runtime's name in a build context (what the Dockerfile copies).</summary>
    public const string RuntimeFileName = "agentspec";

    /// <summary>
    /// Relative destination (<c>/</c>-separated, e.g. <c>agentspec</c> or <c>front/agentspec</c>) → the runtime file to
    /// copy there, for every build context in <paramref name="files"/>. <c>RuntimeNotFound</c> when the Linux runtime
    /// is not installed; <c>ExportFormatUnsupported</c> when the export has no build context.
    /// </summary>
    public static IReadOnlyDictionary<string, string> For(IReadOnlyDictionary<string, string> files, string target)
    {
        var contexts = files.Keys
            .Where(name => name == DockerExport.DockerfileName || name.EndsWith("/" + DockerExport.DockerfileName, StringComparison.Ordinal))
            .Select(name => name[..^DockerExport.DockerfileName.Length])
            .ToList();
        if (contexts.Count == 0)
        {
            throw new AgentSpecException(ErrorIds.ExportFormatUnsupported, AgentSpecErrorCategory.InvalidArgument,
                $"-IncludeRuntime copies the runtime into Docker build contexts; the export of \"{target}\" has none (no Dockerfile).", target)
            {
                RecommendedAction = "Use -IncludeRuntime with a docker or docker-compose target (-Format Dockerfile or Compose).",
            };
        }

        var runtime = RuntimeLocator.Find(DockerResources.ImageRid);
        if (runtime is null || Directory.Exists(runtime))
        {
            throw new AgentSpecException(ErrorIds.RuntimeNotFound, AgentSpecErrorCategory.NotInstalled,
                $"The {DockerResources.ImageRid} agentspec runtime was not found (looked for {string.Join(", ", RuntimeLocator.Candidates(DockerResources.ImageRid))}); nothing was written.",
                RuntimeLocator.Candidates(DockerResources.ImageRid).FirstOrDefault())
            {
                RecommendedAction = "Reinstall the AgentSpec module, or set AGENTSPEC_RUNTIME_PATH to a folder holding <rid>/agentspec.",
            };
        }

        return contexts.ToDictionary(context => context + RuntimeFileName, _ => runtime, StringComparer.Ordinal);
    }
}
