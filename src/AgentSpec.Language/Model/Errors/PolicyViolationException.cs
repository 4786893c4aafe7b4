namespace AgentSpec;

/// <summary><c>PolicyViolation</c> (SecurityError): a policy forbids the configuration; nothing was planned or changed.</summary>
public sealed class PolicyViolationException : SpecInvalidException
{
    public PolicyViolationException()
        : this("A policy forbids this configuration.", Array.Empty<Diagnostic>())
    {
    }

    public PolicyViolationException(string message)
        : this(message, Array.Empty<Diagnostic>())
    {
    }

    public PolicyViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PolicyViolationException(string message, IReadOnlyList<Diagnostic> diagnostics)
        : base(ErrorIds.PolicyViolation, "SecurityError", message, diagnostics)
    {
    }
}
