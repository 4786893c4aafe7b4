using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using AgentSpec.Commands.Engine;

namespace AgentSpec.Commands;

/// <summary>Completes <c>-LockId</c> with the id in the state's lock file (deployment spec §10.4).</summary>
public sealed class LockIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var state = StateCompletion.Locate(fakeBoundParameters);
            if (state is null || EngineFacade.LockHolder(state) is not { Id: { } id } holder)
            {
                return Array.Empty<CompletionResult>();
            }

            return SpecCompletion.Complete(wordToComplete, new[] { (id, holder.ToString()) });
        }
        catch (Exception)
        {
            return Array.Empty<CompletionResult>();
        }
    }
}
