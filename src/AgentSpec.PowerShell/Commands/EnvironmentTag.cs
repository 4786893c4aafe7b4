namespace AgentSpec.Commands;

/// <summary>
/// Says which environment a diagnostic of <c>Test-AgentSpec -All</c> belongs to, at the end of its message, so that
/// every printed form (text, MSBuild, CI annotations, SARIF) keeps its file/line/column layout.
/// </summary>
internal static class EnvironmentTag
{
    public static Diagnostic Apply(ValidationEntry entry)
    {
        var diagnostic = entry.Diagnostic;
        var tag = entry.Environment is null ? "[base configuration]" : $"[environment \"{entry.Environment}\"]";
        return new Diagnostic(diagnostic.Code, diagnostic.Severity, $"{diagnostic.Message} {tag}", diagnostic.File, diagnostic.Range, diagnostic.Hint, diagnostic.Related);
    }
}
