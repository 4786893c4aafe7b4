namespace AgentSpec;

/// <summary><c>SpecInvalid</c> (or <c>PolicyViolation</c>): the specification has Error diagnostics.</summary>
public class SpecInvalidException : AgentSpecException
{
    public SpecInvalidException()
        : this("The specification is invalid.", Array.Empty<Diagnostic>())
    {
    }

    public SpecInvalidException(string message)
        : this(message, Array.Empty<Diagnostic>())
    {
    }

    public SpecInvalidException(string message, Exception innerException)
        : base(ErrorIds.SpecInvalid, "InvalidData", message, null, innerException)
    {
        Diagnostics = Array.Empty<Diagnostic>();
    }

    public SpecInvalidException(string message, IReadOnlyList<Diagnostic> diagnostics)
        : this(ErrorIds.SpecInvalid, "InvalidData", message, diagnostics)
    {
    }

    protected SpecInvalidException(string errorId, string category, string message, IReadOnlyList<Diagnostic> diagnostics)
        : base(errorId, category, message, diagnostics)
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
