namespace AgentSpec.Tests.Infrastructure;

/// <summary>Loads specification text in memory and renders its diagnostics compactly for assertions.</summary>
public static class Spec
{
    public static IReadOnlyList<Diagnostic> Diagnostics(string text, string fileName = "test.ias") =>
        SpecLoader.LoadText(text, Path.Combine(Path.GetTempPath(), "agentspec-tests", fileName)).Diagnostics;

    /// <summary><c>line:col Severity CODE message</c> for each diagnostic of a code (all when null).</summary>
    public static IReadOnlyList<string> Lines(string text, string? code = null) =>
        Diagnostics(text).Where(d => code is null || d.Code == code).Select(Render).ToList();

    public static string Render(Diagnostic d) => $"{d.Line}:{d.Column} {d.Severity.ToString()[0]} {d.Code} {d.Message}";

    public static IReadOnlyList<string> Codes(string text) => Diagnostics(text).Select(d => d.Code).ToList();
}
