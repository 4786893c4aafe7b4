using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using AgentSpec.Commands.Engine;

namespace AgentSpec.Commands;

/// <summary>Completes <c>-Target</c> of the state cmdlets with the targets recorded in the state file (deployment spec §10.4).</summary>
public sealed class StateTargetCompleter : IArgumentCompleter
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

            var statuses = EngineFacade.Status(state, Array.Empty<Func<string, bool>>(), checkHealth: false, TargetOptions.None);
            return SpecCompletion.Complete(wordToComplete, statuses.Select(s => (s.Target, $"{s.Kind} · serial {s.Serial}{(s.Environment is null ? string.Empty : " · environment " + s.Environment)}")));
        }
        catch (Exception)
        {
            return Array.Empty<CompletionResult>();
        }
    }
}
