using System.Management.Automation;

namespace AgentSpec.Commands.Engine;

/// <summary>
/// Finds the state file (deployment spec §2.4, D-18): <c>-StatePath</c>, else <c>AGENTSPEC_STATE_PATH</c>, else the
/// spec's <c>state { path }</c> relative to the entry file, else <c>.agentspec.state.json</c> in the folder of the
/// entry file; without a spec, the folder <c>-Path</c> names, else the current location.
/// </summary>
internal static class StateLocator
{
    public const string DefaultFileName = ".agentspec.state.json";

    /// <summary>The state of a resolved specification.</summary>
    public static StateLocation ForSpec(PSCmdlet cmdlet, string? statePath, ResolvedDeployment resolved)
    {
        if (Explicit(cmdlet, statePath) is { } chosen)
        {
            return chosen;
        }

        var folder = resolved.SourceFile is { } file ? System.IO.Path.GetDirectoryName(file) : null;
        folder ??= Current(cmdlet);
        var declared = resolved.Units.Select(unit => unit.Configuration.State.Properties.GetValueOrDefault("path")).FirstOrDefault(p => !string.IsNullOrEmpty(p));
        var path = declared is null ? System.IO.Path.Combine(folder, DefaultFileName) : System.IO.Path.GetFullPath(declared, folder);
        return Located(cmdlet, path);
    }

    /// <summary>The state a sealed plan was made against (its recorded path, relative to the current location).</summary>
    public static StateLocation ForPlan(PSCmdlet cmdlet, string? statePath, Plan plan) =>
        Explicit(cmdlet, statePath)
        ?? Located(cmdlet, string.IsNullOrEmpty(plan.StatePath) ? System.IO.Path.Combine(Current(cmdlet), DefaultFileName) : System.IO.Path.GetFullPath(plan.StatePath, Current(cmdlet)));

    /// <summary>The state of the state cmdlets: <c>-StatePath</c>, the variable, the folder of <c>-Path</c>, the current location.</summary>
    public static StateLocation ForState(PSCmdlet cmdlet, string? statePath, string? path)
    {
        if (Explicit(cmdlet, statePath) is { } chosen)
        {
            return chosen;
        }

        var folder = Current(cmdlet);
        if (!string.IsNullOrEmpty(path))
        {
            var full = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            folder = Directory.Exists(full) ? full : System.IO.Path.GetDirectoryName(full) ?? folder;
        }

        return Located(cmdlet, System.IO.Path.Combine(folder, DefaultFileName));
    }

    private static StateLocation? Explicit(PSCmdlet cmdlet, string? statePath)
    {
        if (!string.IsNullOrEmpty(statePath))
        {
            return Located(cmdlet, cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(statePath));
        }

        var variable = System.Environment.GetEnvironmentVariable("AGENTSPEC_STATE_PATH");
        return string.IsNullOrEmpty(variable) ? null : Located(cmdlet, System.IO.Path.GetFullPath(variable, Current(cmdlet)));
    }

    private static StateLocation Located(PSCmdlet cmdlet, string fullPath) =>
        new(fullPath, DisplayPath.Of(fullPath, Current(cmdlet)));

    private static string Current(PSCmdlet cmdlet) => cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath;
}
