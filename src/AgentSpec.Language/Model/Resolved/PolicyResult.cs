namespace AgentSpec;

/// <summary>The outcome of one policy for a target context: whether it applied and its violations (AS4001–AS4003).</summary>
public sealed class PolicyResult
{
    internal PolicyResult(string policy, bool applies, IReadOnlyList<Diagnostic> violations)
    {
        Policy = policy;
        Applies = applies;
        Violations = violations;
    }

    public string Policy { get; }

    /// <summary>False when the policy's <c>environments</c> line excludes the selected environment (or the base document).</summary>
    public bool Applies { get; }

    public IReadOnlyList<Diagnostic> Violations { get; }

    public bool Passed => Violations.Count == 0;

    public override string ToString() => Applies ? $"{Policy}: {(Passed ? "passed" : $"{Violations.Count} violation(s)")}" : $"{Policy}: not applicable";
}
