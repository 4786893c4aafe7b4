namespace AgentSpec;

/// <summary>
/// A source of <c>store(path)</c> secret values (deployment spec §8). Providers are asked in order; "not found"
/// continues the chain, an error stops it.
/// </summary>
public interface ISecretProvider
{
    string Name { get; }

    bool IsAvailable { get; }

    /// <summary>How this provider would look the reference up, for messages (e.g. the environment variable name).</summary>
    string Describe(SecretReference reference);

    SecretLookup TryGet(SecretReference reference);
}
