namespace AgentSpec;

/// <summary>The outcome of one <see cref="ISecretProvider.TryGet"/> call.</summary>
public readonly record struct SecretLookup(bool Found, string? Value, string? Error)
{
    public static SecretLookup NotFound { get; } = new(false, null, null);

    public static SecretLookup Of(string value) => new(true, value, null);

    public static SecretLookup Failed(string error) => new(false, null, error);

    public override string ToString() => Found ? "found" : Error ?? "not found";
}
