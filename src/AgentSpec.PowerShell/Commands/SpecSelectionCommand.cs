using System.Management.Automation;

namespace AgentSpec.Commands;

/// <summary>
/// Base of the spec cmdlets that select an environment and a deploy target (deployment spec §10.1): the shared
/// <c>-Environment</c> and <c>-Target</c> parameters with their argument completers (§10.4).
/// </summary>
public abstract class SpecSelectionCommand : SpecPathCommand
{
    /// <summary>The environment whose overrides are applied (none = the base configuration).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
    public string? Environment { get; set; }

    /// <summary>The deploy block that forms the target context.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TargetNameCompleter))]
    public string? Target { get; set; }

    /// <summary>Stops with <c>ParameterConflict</c> when two parameters that exclude each other are both bound.</summary>
    protected void ThrowIfBoth(string first, string second)
    {
        if (MyInvocation.BoundParameters.ContainsKey(first) && MyInvocation.BoundParameters.ContainsKey(second))
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException($"-{first} and -{second} cannot be used together."),
                "ParameterConflict",
                ErrorCategory.InvalidArgument,
                null));
        }
    }
}
