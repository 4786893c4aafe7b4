namespace AgentSpec.Engine.Secrets;

/// <summary>The outcome of resolving one secret: its value (never logged) or why it is unresolvable.</summary>
public sealed class SecretResolution
{
    public required SecretReference Reference { get; init; }

    public string? Value { get; init; }

    /// <summary>The providers asked, as <c>Name (detail)</c>, for the SecretUnresolvable message.</summary>
    public IReadOnlyList<string> Tried { get; init; } = Array.Empty<string>();

    /// <summary>A provider error that stopped the chain.</summary>
    public string? Error { get; init; }

    public bool Resolved => Value is not null;
}
