using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using AgentSpec.Commands.Engine;

namespace AgentSpec.Commands;

/// <summary>
/// Completes <c>-Serial</c> with the history serials of the bound target (deployment spec §10.4); the tooltip gives
/// the time, operation, outcome and package version.
/// </summary>
public sealed class SerialCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var state = StateCompletion.Locate(fakeBoundParameters);
            if (state is null)
            {
                return Array.Empty<CompletionResult>();
            }

            var target = StateCompletion.Bound(fakeBoundParameters, "Target");
            var entries = EngineFacade.History(state, EngineCommandSupport.Patterns(target is null ? null : new[] { target }), serial: null, last: 0, includeSnapshot: false);
            return SpecCompletion.Complete(wordToComplete, entries.Select(e => (
                e.Serial.ToString(CultureInfo.InvariantCulture),
                StateCompletion.Invariant($"{e.Time:yyyy-MM-dd HH:mm:ss}Z · {e.Target} · {e.Operation} {e.Outcome} · {e.Package} {e.PackageVersion}"))));
        }
        catch (Exception)
        {
            return Array.Empty<CompletionResult>();
        }
    }
}
