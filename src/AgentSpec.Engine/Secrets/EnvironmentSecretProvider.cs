namespace AgentSpec.Engine.Secrets;

/// <summary>The <c>Environment</c> store provider: <c>store(path)</c> is read from <c>AGENTSPEC_SECRET_&lt;PATH&gt;</c>.</summary>
public sealed class EnvironmentSecretProvider : ISecretProvider
{
    private readonly Func<string, string?> _lookup;

    public EnvironmentSecretProvider()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    public EnvironmentSecretProvider(Func<string, string?> lookup) => _lookup = lookup;

    public string Name => "Environment";

    public bool IsAvailable => true;

    public string Describe(SecretReference reference) => $"Environment ({EnvironmentNames.ForStorePath(reference.Key)})";

    public SecretLookup TryGet(SecretReference reference) =>
        _lookup(EnvironmentNames.ForStorePath(reference.Key)) is { } value ? SecretLookup.Of(value) : SecretLookup.NotFound;
}
