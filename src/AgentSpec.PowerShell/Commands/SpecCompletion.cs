using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace AgentSpec.Commands;

/// <summary>
/// What the argument completers share (deployment spec §10.4): the spec named by the bound <c>-Path</c> or
/// <c>-LiteralPath</c>, loaded with the Language library within a time budget, and the completion results (prefix
/// match with a wildcard pattern, case-insensitive, quoted when needed). Every failure means "no completions".
/// </summary>
internal static class SpecCompletion
{
    /// <summary>Completion must stay under 500 ms; loading gets this much of it.</summary>
    private static readonly TimeSpan LoadBudget = TimeSpan.FromMilliseconds(400);

    /// <summary>Loads the first spec the bound path parameters resolve to, or null (nothing bound, missing, too slow).</summary>
    public static Document? LoadBoundSpec(IDictionary fakeBoundParameters)
    {
        var (value, literal) = fakeBoundParameters.Contains("LiteralPath")
            ? (fakeBoundParameters["LiteralPath"], true)
            : (fakeBoundParameters.Contains("Path") ? fakeBoundParameters["Path"] : null, false);
        var input = FirstString(value);
        if (input is null)
        {
            return null;
        }

        var path = ToProviderPath(input, literal);
        if (path is null)
        {
            return null;
        }

        var load = Task.Run(() => SpecLoader.LoadFile(path));
        return load.Wait(LoadBudget) && load.IsCompletedSuccessfully ? load.Result : null;
    }

    /// <summary>The candidates whose name starts with the word typed so far, as parameter-value completions.</summary>
    public static IEnumerable<CompletionResult> Complete(string wordToComplete, IEnumerable<(string Name, string ToolTip)> candidates)
    {
        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var pattern = new WildcardPattern(WildcardPattern.Escape(typed) + "*", WildcardOptions.IgnoreCase);
        return candidates
            .Where(candidate => pattern.IsMatch(candidate.Name))
            .Select(candidate => new CompletionResult(Quote(candidate.Name), candidate.Name, CompletionResultType.ParameterValue, candidate.ToolTip))
            .ToList();
    }

    private static string? FirstString(object? value) => value switch
    {
        string text => text,
        PSObject wrapped => FirstString(wrapped.BaseObject),
        IEnumerable items => items.Cast<object?>().Select(FirstString).FirstOrDefault(text => text is not null),
        _ => null,
    };

    /// <summary>Resolves the path against the current location with Convert-Path in the running session.</summary>
    private static string? ToProviderPath(string input, bool literal)
    {
        using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddCommand("Microsoft.PowerShell.Management\\Convert-Path")
            .AddParameter(literal ? "LiteralPath" : "Path", input)
            .AddParameter("ErrorAction", ActionPreference.Ignore);
        return shell.Invoke<string>().FirstOrDefault(path => File.Exists(path) || Directory.Exists(path));
    }

    /// <summary>Single-quotes a name that PowerShell would not read as one bare word.</summary>
    private static string Quote(string name)
    {
        var bare = name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.') && !name.StartsWith('-');
        return bare ? name : $"'{CodeGeneration.EscapeSingleQuotedStringContent(name)}'";
    }
}
