using System.Management.Automation;
using AgentSpec.Commands.Engine;

namespace AgentSpec.Commands;

/// <summary>
/// <c>Test-AgentSpec</c>: offline validation (deployment spec §10.3.1, §2.1 stages 1–8, and 9 with <c>-Target</c>). Outputs one <see cref="bool"/>
/// per input path (<c>$true</c> when there is no Error diagnostic), or the diagnostics themselves with <c>-Detailed</c>.
/// A problem in a specification is never an ErrorRecord (unknown <c>-Environment</c>/<c>-Target</c> names included:
/// they are AS2020/AS5019 diagnostics); only a missing file or directory is (<c>SpecFileNotFound</c>).
/// </summary>
/// <remarks>
/// A directory with an <c>index.ias</c> or a single <c>.ias</c> file is one package; any other directory stands for
/// every <c>.ias</c> file directly in it, each validated as its own root, with one result for the directory.
/// </remarks>
[Cmdlet(VerbsDiagnostic.Test, "AgentSpec", DefaultParameterSetName = ParameterSetNames.Path)]
[OutputType(typeof(bool), typeof(Diagnostic))]
public sealed class TestAgentSpecCommand : SpecSelectionCommand
{
    private readonly List<Diagnostic> _sarifDiagnostics = new();

    private string? _sarifPath;

    /// <summary>Treats security lint warnings (AS6xxx) as errors.</summary>
    [Parameter]
    public SwitchParameter Strict { get; set; }

    /// <summary>Validates the base configuration and every environment; each diagnostic names its environment.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    /// <summary>Outputs the diagnostics as objects instead of one Boolean per path.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <summary>Writes every diagnostic of the invocation to this file as a SARIF 2.1.0 log.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SarifPath { get; set; }

    /// <summary>The form of the printed diagnostics (Text adds the automatic CI annotations).</summary>
    [Parameter]
    public DiagnosticFormat OutputFormat { get; set; } = DiagnosticFormat.Text;

    protected override void BeginProcessing()
    {
        ThrowIfBoth(nameof(All), nameof(Environment));
        if (SarifPath is not null)
        {
            _sarifPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(SarifPath);
        }
    }

    protected override void ProcessRecord()
    {
        foreach (var path in ResolveInputPaths(onMissing: _ => WriteResult(false)))
        {
            IReadOnlyList<string> roots;
            try
            {
                roots = SpecLoader.ResolveRoots(path);
            }
            catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
            {
                WriteFileNotFound(path, exception);
                WriteResult(false);
                continue;
            }

            var valid = true;
            foreach (var root in roots)
            {
                valid &= Validate(root);
            }

            WriteResult(valid);
        }
    }

    protected override void EndProcessing()
    {
        if (_sarifPath is not null)
        {
            WriteSarif(_sarifPath);
        }
    }

    /// <summary>Validates one root file, reports and collects its diagnostics; false when it has errors or vanished.</summary>
    private bool Validate(string root)
    {
        ValidationReport report;
        try
        {
            report = SpecValidation.Validate(root, new ValidationOptions { Environment = Environment, Target = Target, Strict = Strict, All = All });
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            WriteFileNotFound(root, exception);
            return false;
        }

        var entries = report.Entries.Concat(TargetChecks(root, report)).ToList();
        var currentDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
        foreach (var entry in entries)
        {
            var diagnostic = All ? EnvironmentTag.Apply(entry) : entry.Diagnostic;
            Report(DisplayPath.Of(diagnostic, currentDirectory));
            _sarifDiagnostics.Add(diagnostic);
            if (Detailed)
            {
                WriteObject(WithEnvironment(entry));
            }
        }

        return entries.All(e => !e.Diagnostic.IsError);
    }

    /// <summary>
    /// Stage 9 of deployment spec §2.1 with <c>-Target</c>: the engine's target validation (AS51xx) of the chosen deploy
    /// (its compose stack), for <c>-Environment</c> (the base configuration with <c>-All</c>). Nothing when the language
    /// validation already has errors, since such a specification cannot be resolved.
    /// </summary>
    private IEnumerable<ValidationEntry> TargetChecks(string root, ValidationReport report)
    {
        if (Target is null || !report.IsValid)
        {
            return [];
        }

        var environment = All ? null : Environment;
        var resolved = SpecResolver.Resolve(root, environment, Target);
        return resolved.Units.Count == 0
            ? []
            : EngineFacade.ValidateUnits(resolved).Select(d => new ValidationEntry(environment, d)).ToList();
    }

    private void WriteResult(bool result)
    {
        if (!Detailed)
        {
            WriteObject(result);
        }
    }

    /// <summary>The diagnostic object with a note property naming its environment (null = the base configuration).</summary>
    private static PSObject WithEnvironment(ValidationEntry entry)
    {
        var wrapped = PSObject.AsPSObject(entry.Diagnostic);
        if (wrapped.Properties["Environment"] is { } existing)
        {
            existing.Value = entry.Environment;
        }
        else
        {
            wrapped.Properties.Add(new PSNoteProperty("Environment", entry.Environment));
        }

        return wrapped;
    }

    /// <summary>
    /// Prints one diagnostic. Text (the default): warnings on the warning stream, errors and information on the
    /// information stream (shown by default), plus the CI annotation the environment asks for; with <c>-Detailed</c>
    /// the objects are the output, so only the annotation is written. Another format: its line on the information
    /// stream, also with <c>-Detailed</c>.
    /// </summary>
    private void Report(Diagnostic diagnostic)
    {
        if (OutputFormat != DiagnosticFormat.Text)
        {
            if (DiagnosticRenderer.Render(diagnostic, OutputFormat) is { } line)
            {
                WriteInformation(line, new[] { "AgentSpec.Diagnostic", "PSHOST" });
            }

            return;
        }

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

        var ciFormat = DiagnosticRenderer.CiFormatFromEnvironment(System.Environment.GetEnvironmentVariable);
        if (ciFormat is { } format && DiagnosticRenderer.Render(diagnostic, format) is { } annotation)
        {
            WriteInformation(annotation, new[] { "AgentSpec.CiAnnotation", "PSHOST" });
        }
    }

    /// <summary>Writes the SARIF log of every diagnostic of this invocation, file paths relative to the current location.</summary>
    private void WriteSarif(string path)
    {
        try
        {
            if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            using var stream = File.Create(path);
            SarifWriter.Write(stream, _sarifDiagnostics, ModuleVersion.Current, SessionState.Path.CurrentFileSystemLocation.ProviderPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(exception, "SarifWriteFailed", ErrorCategory.WriteError, path));
        }
    }
}
