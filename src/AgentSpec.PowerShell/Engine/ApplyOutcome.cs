namespace AgentSpec.Commands.Engine;

/// <summary>What an apply, destroy or restore did, once the lock is released.</summary>
internal sealed class ApplyOutcome
{
    public required Plan Plan { get; init; }

    /// <summary>False when there was nothing to do or the confirmation was declined.</summary>
    public bool Executed { get; init; }

    public IReadOnlyList<ApplyResult> Results { get; init; } = Array.Empty<ApplyResult>();

    /// <summary><c>Apply complete: …</c>, or the <c>No changes.</c> line.</summary>
    public string Summary { get; init; } = string.Empty;
}
