namespace AgentSpec.Diagnostics;

/// <summary>Collects diagnostics for one file; severities come from the catalogue.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = new();

    public DiagnosticBag(string file)
    {
        File = file;
    }

    public string File { get; }

    public IReadOnlyList<Diagnostic> Items => items;

    public int Count => items.Count;

    public Diagnostic Add(string code, SourceRange range, string message, string? hint = null, IReadOnlyList<RelatedLocation>? related = null)
    {
        var diagnostic = new Diagnostic(code, DiagnosticCatalog.Get(code).Severity, message, File, range, hint, related);
        items.Add(diagnostic);
        return diagnostic;
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => items.AddRange(diagnostics);
}
