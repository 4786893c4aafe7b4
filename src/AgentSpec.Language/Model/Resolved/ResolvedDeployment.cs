namespace AgentSpec;

/// <summary>
/// What <c>Resolve-AgentSpec</c> returns (deployment spec §10.3.4): the configuration of one target context after
/// overlay and policies, without secret values. Spec errors other than policy violations stop resolution: then
/// <see cref="Units"/> is empty and <see cref="Diagnostics"/> says why.
/// </summary>
public sealed class ResolvedDeployment
{
    public PackageInfo? Package { get; internal init; }

    public string? Environment { get; internal init; }

    /// <summary>The chosen deploy name, or null when none could be chosen (AS5019).</summary>
    public string? Target { get; internal init; }

    /// <summary>The chosen deploy's target kind.</summary>
    public string? Kind { get; internal init; }

    /// <summary>
    /// Full path of the entry specification file (null for text that was not read from a file): the default state
    /// file sits in its folder (deployment spec §2.4). Not part of the resolved JSON.
    /// </summary>
    public string? SourceFile { get; internal init; }

    /// <summary>The deploys resolved together: the chosen one, or every docker-compose deploy of a compose stack.</summary>
    public IReadOnlyList<string> Scope { get; internal init; } = Array.Empty<string>();

    public IReadOnlyList<DeploymentUnit> Units { get; internal init; } = Array.Empty<DeploymentUnit>();

    /// <summary>
    /// Every deploy block of the package after overlay, with its source location, for the engine's name-collision
    /// checks (deployment spec §3.1, AS5116). Empty when resolved from a state snapshot. Not part of the resolved JSON.
    /// </summary>
    public IReadOnlyList<DeployDeclaration> PackageDeploys { get; internal init; } = Array.Empty<DeployDeclaration>();

    /// <summary>Every secret the units use (names and sources only).</summary>
    public IReadOnlyList<SecretReference> SecretReferences { get; internal init; } = Array.Empty<SecretReference>();

    public IReadOnlyList<PolicyResult> PolicyResults { get; internal init; } = Array.Empty<PolicyResult>();

    public IReadOnlyList<Diagnostic> Diagnostics { get; internal init; } = Array.Empty<Diagnostic>();

    /// <summary>True when no diagnostic is an Error (policy violations included).</summary>
    public bool IsValid => !Diagnostics.Any(d => d.IsError);

    /// <summary>True when a policy forbids this configuration (plan, apply and export refuse it).</summary>
    public bool HasPolicyViolations => PolicyResults.Any(p => !p.Passed);

    /// <summary>Why this resolution cannot be deployed (spec errors, unknown environment or target), or null.</summary>
    internal AgentSpecException? Failure { get; init; }

    /// <summary>
    /// Throws when resolution stopped (deployment spec §2.1): <see cref="SpecInvalidException"/> for spec errors,
    /// <see cref="EnvironmentNotFoundException"/>, or <see cref="TargetSelectionException"/> (<c>TargetNotFound</c>,
    /// <c>NoDeployTargets</c>, <c>TargetAmbiguous</c>). Policy violations do not throw.
    /// </summary>
    public void ThrowIfFailed()
    {
        if (Failure is not null)
        {
            throw Failure;
        }
    }

    /// <summary>The stable, secret-free canonical JSON form (snake_case keys, sorted; deployment spec §3.3).</summary>
    public string ToJson() => Resolution.ResolvedJson.Write(Resolution.ResolvedJson.Deployment(this));

    public override string ToString() => Target is null ? "no target" : $"{Target} ({Kind}){(Environment is null ? string.Empty : $" [{Environment}]")}";
}
