namespace AgentSpec.Commands.Engine;

/// <summary>
/// How secrets are looked up for one command (deployment spec §8): the provider order (<c>-SecretProvider</c>), and
/// the SecretManagement results already fetched on the pipeline thread (null when <c>Get-Secret</c> is not available).
/// </summary>
internal sealed class SecretOptions
{
    public IReadOnlyList<string>? ProviderOrder { get; init; }

    public IReadOnlyDictionary<string, SecretLookup>? SecretManagement { get; init; }

    /// <summary>How the SecretManagement look-up is described in errors, e.g. <c>vault "Default"</c>.</summary>
    public string SecretManagementDescription { get; init; } = "default vault";
}
