using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace AgentSpec.Commands;

/// <summary>
/// Completes <c>-Target</c> with the deploy names of the spec named by the bound <c>-Path</c>/<c>-LiteralPath</c>
/// (deployment spec §10.4); the tooltip reads like <c>kubernetes · default · namespace agents</c>.
/// </summary>
public sealed class TargetNameCompleter : IArgumentCompleter
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

            var deploys = document.Deploys.DistinctBy(deploy => deploy.Name).Select(deploy => (deploy.Name, ToolTip(deploy)));
            return SpecCompletion.Complete(wordToComplete, deploys);
        }
        catch (Exception)
        {
            // A completer must never disturb the prompt: any failure means no completions.
            return Array.Empty<CompletionResult>();
        }
    }

    private static string ToolTip(DeployDeclaration deploy)
    {
        var parts = new List<string> { deploy.Kind ?? "unknown target" };
        if (deploy.Default == true)
        {
            parts.Add("default");
        }

        if (deploy.Kind == "kubernetes")
        {
            parts.Add($"namespace {deploy.Namespace ?? "default"}");
        }

        return string.Join(" · ", parts);
    }
}
