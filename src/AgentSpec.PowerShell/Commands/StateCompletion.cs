using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using AgentSpec.Commands.Engine;

namespace AgentSpec.Commands;

/// <summary>
/// The state file that the state cmdlets' completers read (deployment spec §10.4): the bound <c>-StatePath</c>, else
/// <c>AGENTSPEC_STATE_PATH</c>, else <c>.agentspec.state.json</c> in the folder of the bound <c>-Path</c> or the
/// current location. Null when there is none.
/// </summary>
internal static class StateCompletion
{
    public static StateLocation? Locate(IDictionary fakeBoundParameters)
    {
        var current = CurrentLocation();
        if (current is null)
        {
            return null;
        }

        string path;
        if (Bound(fakeBoundParameters, "StatePath") is { } statePath)
        {
            path = System.IO.Path.GetFullPath(statePath, current);
        }
        else if (System.Environment.GetEnvironmentVariable("AGENTSPEC_STATE_PATH") is { Length: > 0 } variable)
        {
            path = System.IO.Path.GetFullPath(variable, current);
        }
        else
        {
            var folder = current;
            if (Bound(fakeBoundParameters, "Path") is { } spec)
            {
                var full = System.IO.Path.GetFullPath(spec, current);
                folder = Directory.Exists(full) ? full : System.IO.Path.GetDirectoryName(full) ?? current;
            }

            path = System.IO.Path.Combine(folder, StateLocator.DefaultFileName);
        }

        return File.Exists(path) ? new StateLocation(path, path) : null;
    }

    public static string? Bound(IDictionary fakeBoundParameters, string name) =>
        fakeBoundParameters.Contains(name) ? First(fakeBoundParameters[name]) : null;

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string? First(object? value) => value switch
    {
        string text when text.Length > 0 => text,
        PSObject wrapped => First(wrapped.BaseObject),
        IEnumerable items and not string => items.Cast<object?>().Select(First).FirstOrDefault(t => t is not null),
        null => null,
        _ => value.ToString(),
    };

    private static string? CurrentLocation()
    {
        using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddCommand("Microsoft.PowerShell.Management\\Get-Location").AddParameter("PSProvider", "FileSystem");
        return shell.Invoke<PathInfo>().FirstOrDefault()?.ProviderPath;
    }
}
