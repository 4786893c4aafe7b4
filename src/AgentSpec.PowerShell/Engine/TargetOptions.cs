using System.Management.Automation;

namespace AgentSpec.Commands.Engine;

/// <summary>
/// The target-connection and build parameters a cmdlet bound (deployment spec §2.4, §10.1): <c>-Context</c>,
/// <c>-KubeConfig</c> (paths resolved against the current PowerShell location) and <c>-BaseImage</c>. Null means
/// "not given": the engine then falls back to <c>AGENTSPEC_KUBE_CONTEXT</c>, <c>KUBECONFIG</c> and
/// <c>AGENTSPEC_BASE_IMAGE</c>.
/// </summary>
internal sealed class TargetOptions
{
    public static TargetOptions None { get; } = new();

    public string? Context { get; init; }

    /// <summary>Full paths joined by the platform path separator.</summary>
    public string? KubeConfig { get; init; }

    public string? BaseImage { get; init; }

    public static TargetOptions From(PSCmdlet cmdlet, string? context, string? kubeConfig, string? baseImage = null) => new()
    {
        Context = string.IsNullOrEmpty(context) ? null : context,
        KubeConfig = string.IsNullOrEmpty(kubeConfig)
            ? null
            : string.Join(
                System.IO.Path.PathSeparator,
                kubeConfig.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath)),
        BaseImage = string.IsNullOrEmpty(baseImage) ? null : baseImage,
    };
}
