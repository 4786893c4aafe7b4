using System.Management.Automation;

namespace AgentSpec.Commands;

/// <summary>
/// <c>Test-AgentSpec</c>: offline validation (deployment spec §10.3.1). Outputs one <see cref="bool"/> per input path
/// (<c>$true</c> when there is no Error diagnostic), or the diagnostics themselves with <c>-Detailed</c>. A problem in
/// a specification is never an ErrorRecord; only a missing file is (<c>SpecFileNotFound</c>).
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "AgentSpec", DefaultParameterSetName = ParameterSetNames.Path)]
[OutputType(typeof(bool), typeof(Diagnostic))]
public sealed class TestAgentSpecCommand : SpecPathCommand
{
    /// <summary>Treats security lint warnings (AS6xxx) as errors.</summary>
    [Parameter]
    public SwitchParameter Strict { get; set; }

    /// <summary>Outputs the diagnostics as objects instead of one Boolean per path.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var path in ResolveInputPaths(onMissing: _ => WriteResult(false)))
        {
            var document = LoadDocument(path);
            if (document is null)
            {
                WriteResult(false);
                continue;
            }

            var diagnostics = document.Diagnostics.Select(ApplyStrict).ToList();
            Report(diagnostics);
            if (Detailed)
            {
                WriteObject(diagnostics, enumerateCollection: true);
            }
            else
            {
                WriteObject(!diagnostics.Any(diagnostic => diagnostic.IsError));
            }
        }
    }

    private void WriteResult(bool result)
    {
        if (!Detailed)
        {
            WriteObject(result);
        }
    }

    private Diagnostic ApplyStrict(Diagnostic diagnostic) =>
        Strict && diagnostic.Severity == DiagnosticSeverity.Warning && IsSecurityLint(diagnostic.Code)
            ? diagnostic.WithSeverity(DiagnosticSeverity.Error)
            : diagnostic;

    private static bool IsSecurityLint(string code) => code.StartsWith("AS6", StringComparison.Ordinal);

    /// <summary>
    /// Renders the diagnostics in the language's text form: warnings on the warning stream, errors and information
    /// on the information stream (shown by default); with <c>-Detailed</c> the objects themselves are the output, so
    /// only CI annotations are written.
    /// </summary>
    private void Report(IReadOnlyList<Diagnostic> diagnostics)
    {
        var ciFormat = DiagnosticRenderer.CiFormatFromEnvironment(Environment.GetEnvironmentVariable);
        var currentDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
        foreach (var diagnostic in diagnostics.Select(item => DisplayPath.Of(item, currentDirectory)))
        {
            if (!Detailed)
            {
                if (diagnostic.Severity == DiagnosticSeverity.Warning)
                {
                    WriteWarning(diagnostic.ToText());
                }
                else
                {
                    WriteInformation(diagnostic.ToText(), new[] { "AgentSpec.Diagnostic", "PSHOST" });
                }
            }

            var annotation = ciFormat is { } format ? DiagnosticRenderer.Render(diagnostic, format) : null;
            if (annotation is not null)
            {
                WriteInformation(annotation, new[] { "AgentSpec.CiAnnotation", "PSHOST" });
            }
        }
    }
}
