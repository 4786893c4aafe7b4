namespace AgentSpec;

/// <summary><c>PolicyViolation</c> (SecurityError): a policy forbids the configuration; nothing was planned or changed.</summary>
public sealed class PolicyViolationException : AgentSpecException
{
    public PolicyViolationException(string message, IReadOnlyList<Diagnostic> diagnostics)
        : base(ErrorIds.PolicyViolation, AgentSpecErrorCategory.SecurityError, message, diagnostics.ToArray())
    {
        Diagnostics = diagnostics;
    }

    /// <summary>The policy violations (AS4xxx) that stopped the operation.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
