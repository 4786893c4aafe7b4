namespace AgentSpec;

/// <summary>A diagnostic of a validation run and the environment it belongs to (null = the base document).</summary>
public sealed class ValidationEntry
{
    public ValidationEntry(string? environment, Diagnostic diagnostic)
    {
        Environment = environment;
        Diagnostic = diagnostic;
    }

    public string? Environment { get; }

    public Diagnostic Diagnostic { get; }

    public override string ToString() => Environment is null ? Diagnostic.ToText() : $"[{Environment}] {Diagnostic.ToText()}";
}
