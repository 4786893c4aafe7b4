using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace AgentSpec.Commands;

/// <summary>
/// Completes <c>-Environment</c> with the environment names of the spec named by the bound <c>-Path</c>/
/// <c>-LiteralPath</c> (deployment spec §10.4); the tooltip names what the environment overrides.
/// </summary>
public sealed class EnvironmentNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        try
        {
            var document = SpecCompletion.LoadBoundSpec(fakeBoundParameters);
            if (document is null)
            {
                return Array.Empty<CompletionResult>();
            }

            var environments = document.Environments
                .GroupBy(environment => environment.Name, StringComparer.Ordinal)
                .Select(group => (group.Key, ToolTip(group)));
            return SpecCompletion.Complete(wordToComplete, environments);
        }
        catch (Exception)
        {
            // A completer must never disturb the prompt: any failure means no completions.
            return Array.Empty<CompletionResult>();
        }
    }

    private static string ToolTip(IEnumerable<EnvironmentDeclaration> declarations)
    {
        var overridden = declarations.SelectMany(d => d.Overrides).Select(o => $"{o.ResourceKind} \"{o.ResourceName}\"").Distinct(StringComparer.Ordinal).ToList();
        return overridden.Count == 0 ? "environment · no overrides" : $"environment · overrides {string.Join(", ", overridden)}";
    }
}
