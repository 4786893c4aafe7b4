using AgentSpec.Resolution;

namespace AgentSpec;

/// <summary>
/// Offline validation as <c>Test-AgentSpec</c> runs it (deployment spec §2.1 stages 1–8, §10.3.1): load, overlay, the
/// target context, served agents and policies. Without a target AS5019 is never reported; policies always run.
/// </summary>
public static class SpecValidation
{
    /// <exception cref="FileNotFoundException">The file or directory does not exist.</exception>
    public static ValidationReport Validate(string path, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var environments = new List<string?> { options.All ? null : options.Environment };
        if (options.All)
        {
            environments.AddRange(SpecLoader.LoadFile(path).Environments.Select(e => e.Name).Distinct(StringComparer.Ordinal));
        }

        var seen = new HashSet<Diagnostic>();
        var entries = new List<ValidationEntry>();
        foreach (var environment in environments)
        {
            var document = SpecLoader.LoadFile(path, environment);
            var run = TargetContextRun.Run(document, options.Target, requireTarget: false);
            foreach (var diagnostic in run.AllDiagnostics())
            {
                if (seen.Add(diagnostic))
                {
                    entries.Add(new ValidationEntry(environment, Strict(diagnostic, options.Strict)));
                }
            }
        }

        return new ValidationReport(path, entries);
    }

    private static Diagnostic Strict(Diagnostic diagnostic, bool strict) =>
        strict && diagnostic.Code.StartsWith("AS6", StringComparison.Ordinal) && diagnostic.Severity == DiagnosticSeverity.Warning
            ? diagnostic.WithSeverity(DiagnosticSeverity.Error)
            : diagnostic;
}
