namespace AgentSpec;

/// <summary>The result of <see cref="SpecValidation.Validate"/>: every diagnostic, tagged with its environment.</summary>
public sealed class ValidationReport
{
    internal ValidationReport(string path, IReadOnlyList<ValidationEntry> entries)
    {
        Path = path;
        Entries = entries;
    }

    public string Path { get; }

    /// <summary>Diagnostics with the environment they belong to, de-duplicated (the base document first).</summary>
    public IReadOnlyList<ValidationEntry> Entries { get; }

    public IReadOnlyList<Diagnostic> Diagnostics => Entries.Select(e => e.Diagnostic).ToList();

    /// <summary>True when no diagnostic is an Error (with Strict, AS6xxx warnings count as errors).</summary>
    public bool IsValid => Entries.All(e => !e.Diagnostic.IsError);

    public override string ToString() => $"{Path}: {(IsValid ? "valid" : "invalid")} ({Entries.Count} diagnostic(s))";
}
