namespace AgentSpec.Engine.Secrets;

/// <summary>
/// Values looked up earlier on the PowerShell pipeline thread (SecretManagement's <c>Get-Secret</c>, deployment spec
/// §1.5, §8) and handed to the engine as a provider. Keys are store paths.
/// </summary>
public sealed class PrefetchedSecretProvider : ISecretProvider
{
    private readonly IReadOnlyDictionary<string, SecretLookup> _lookups;
    private readonly string _description;

    public PrefetchedSecretProvider(string name, string description, IReadOnlyDictionary<string, SecretLookup> lookups)
    {
        Name = name;
        _description = description;
        _lookups = lookups;
    }

    public string Name { get; }

    public bool IsAvailable => true;

    public string Describe(SecretReference reference) => $"{Name} ({_description})";

    public SecretLookup TryGet(SecretReference reference) =>
        _lookups.TryGetValue(reference.Key, out var lookup) ? lookup : SecretLookup.NotFound;
}
