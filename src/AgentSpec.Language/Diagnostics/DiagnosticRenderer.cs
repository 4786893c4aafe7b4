using System.Globalization;
using System.Text;

namespace AgentSpec;

/// <summary>Renders diagnostics as text lines in the formats of <see cref="DiagnosticFormat"/>.</summary>
public static class DiagnosticRenderer
{
    /// <summary>The line(s) for one diagnostic, or null when the format has no form for its severity.</summary>
    public static string? Render(Diagnostic diagnostic, DiagnosticFormat format) => format switch
    {
        DiagnosticFormat.Text => diagnostic.ToText(),
        DiagnosticFormat.MSBuild => MSBuild(diagnostic),
        DiagnosticFormat.GitHubActions => GitHub(diagnostic),
        DiagnosticFormat.AzureDevOps => AzureDevOps(diagnostic),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The CI format named by the environment: GitHub Actions, Azure DevOps, or null (none, or disabled).</summary>
    public static DiagnosticFormat? CiFormatFromEnvironment(Func<string, string?> getVariable)
    {
        if (getVariable("AGENTSPEC_NO_CI_ANNOTATIONS") == "1")
        {
            return null;
        }

        if (string.Equals(getVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return DiagnosticFormat.GitHubActions;
        }

        return string.Equals(getVariable("TF_BUILD"), "True", StringComparison.OrdinalIgnoreCase) ? DiagnosticFormat.AzureDevOps : null;
    }

    private static string MSBuild(Diagnostic d)
    {
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{d.File}({d.Range.Start.Line},{d.Range.Start.Column},{d.Range.End.Line},{d.Range.End.Column}): {Diagnostic.SeverityWord(d.Severity)} {d.Code}: {d.Message}");
        return d.Hint is null ? line : $"{line} (hint: {d.Hint})";
    }

    private static string GitHub(Diagnostic d)
    {
        var command = d.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "notice",
        };
        var message = d.Hint is null ? d.Message : $"{d.Message}\nhint: {d.Hint}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"::{command} file={GitHubProperty(d.File)},line={d.Range.Start.Line},col={d.Range.Start.Column},endLine={d.Range.End.Line},endColumn={d.Range.End.Column},title={d.Code}::{GitHubData(message)}");
    }

    private static string? AzureDevOps(Diagnostic d)
    {
        if (d.Severity == DiagnosticSeverity.Info)
        {
            return null;
        }

        var type = d.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var message = d.Hint is null ? d.Message : $"{d.Message} (hint: {d.Hint})";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"##vso[task.logissue type={type};sourcepath={AzureProperty(d.File)};linenumber={d.Range.Start.Line};columnnumber={d.Range.Start.Column};code={d.Code};]{AzureData(message)}");
    }

    private static string GitHubData(string text) =>
        new StringBuilder(text).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").ToString();

    private static string GitHubProperty(string text) =>
        new StringBuilder(GitHubData(text)).Replace(":", "%3A").Replace(",", "%2C").ToString();

    private static string AzureData(string text) =>
        new StringBuilder(text).Replace("%", "%AZP25").Replace("\r", "%0D").Replace("\n", "%0A").ToString();

    private static string AzureProperty(string text) =>
        new StringBuilder(AzureData(text)).Replace(";", "%3B").Replace("]", "%5D").ToString();
}
