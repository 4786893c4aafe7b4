using AgentSpec.Binding;
using AgentSpec.Diagnostics;

namespace AgentSpec.Validation;

/// <summary>What validation rules see: the bound document and the diagnostic bag of each file.</summary>
internal sealed class ValidationContext
{
    private readonly Dictionary<string, SourceFile> files;

    public ValidationContext(Document document)
    {
        Document = document;
        files = document.SourceFiles.ToDictionary(f => f.DisplayName, StringComparer.Ordinal);
    }

    public Document Document { get; }

    /// <summary>The bag of the file a declaration is written in (diagnostics about it go there).</summary>
    public DiagnosticBag For(Declaration declaration) => For(declaration.File);

    public DiagnosticBag For(string file) => files.TryGetValue(file, out var source)
        ? source.Diagnostics
        : throw new ArgumentException($"'{file}' is not a file of this document", nameof(file));

    /// <summary>Adds a diagnostic at a location in any file of the document.</summary>
    public void Report(string code, SourceLocation location, string message, string? hint = null, IReadOnlyList<RelatedLocation>? related = null) =>
        For(location.File).Add(code, location.Range, message, hint, related);
}
