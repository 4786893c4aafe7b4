using System.Text.RegularExpressions;
using AgentSpec.RuntimeModel;

namespace AgentSpec.Runtime.Execution;

/// <summary>Renders a prompt's <c>{{variables}}</c> in a single pass (spec §7.4).</summary>
public static partial class PromptRenderer
{
    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    public static string Render(string promptName, PromptDefinition prompt, IReadOnlyDictionary<string, string> variables,
        IReadOnlyDictionary<string, string> configValues)
    {
        var declared = prompt.Variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        foreach (var v in prompt.Variables)
        {
            if (v.Required && !variables.ContainsKey(v.Name) && !configValues.ContainsKey(v.Name) && v.Default is null)
            {
                throw new PromptVariableException($"missing required variable \"{v.Name}\" for prompt \"{promptName}\"");
            }
        }
        return Placeholder().Replace(prompt.Content, match =>
        {
            var name = match.Groups[1].Value;
            if (!declared.TryGetValue(name, out var decl)) return match.Value;
            if (variables.TryGetValue(name, out var value)) return value;
            if (configValues.TryGetValue(name, out var config)) return config;
            return decl.Default ?? "";
        });
    }
}
