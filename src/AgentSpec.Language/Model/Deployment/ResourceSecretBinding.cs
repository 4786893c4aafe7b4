namespace AgentSpec;

/// <summary>An environment variable of a resource fed from a secret: the reference and its fingerprint, never the value.</summary>
public sealed class ResourceSecretBinding
{
    public string Env { get; init; } = string.Empty;

    public string Secret { get; init; } = string.Empty;

    /// <summary><c>env</c> or <c>store</c>.</summary>
    public string Source { get; init; } = string.Empty;

    public string Key { get; init; } = string.Empty;

    /// <summary><c>hmac-sha256:…</c>, or null when the value could not be resolved at plan time.</summary>
    public string? Fingerprint { get; init; }

    public override string ToString() => $"{Env} <- {Secret} ({Source}({Key}))";
}
