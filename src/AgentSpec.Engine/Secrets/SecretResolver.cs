using System.Globalization;

namespace AgentSpec.Engine.Secrets;

/// <summary>
/// Resolves secret references (deployment spec §8): <c>env(NAME)</c> from the environment, <c>store(path)</c> through
/// the provider chain (first hit wins; "not found" continues; an error stops the chain).
/// </summary>
public sealed class SecretResolver
{
    private readonly IReadOnlyList<ISecretProvider> _providers;
    private readonly Func<string, string?> _environment;

    public SecretResolver(IEnumerable<ISecretProvider> providers, Func<string, string?>? environment = null)
    {
        _providers = providers.ToList();
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>The default chain: the given extra providers first (SecretManagement), then Environment and File, filtered by <paramref name="order"/>.</summary>
    public static SecretResolver Default(IEnumerable<ISecretProvider> extra, IReadOnlyList<string>? order = null)
    {
        var all = extra.Concat([new EnvironmentSecretProvider(), new FileSecretProvider()]).ToList();
        var names = order is { Count: > 0 } ? order
            : Environment.GetEnvironmentVariable("AGENTSPEC_SECRET_PROVIDERS")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names is { Count: > 0 })
        {
            all = names.Select(n => all.FirstOrDefault(p => string.Equals(p.Name, n, StringComparison.OrdinalIgnoreCase)))
                .OfType<ISecretProvider>().ToList();
        }

        return new SecretResolver(all);
    }

    public IReadOnlyList<ISecretProvider> Providers => _providers;

    public SecretResolution Resolve(SecretReference reference)
    {
        if (reference.Source == "env")
        {
            return new SecretResolution
            {
                Reference = reference,
                Value = _environment(reference.Key),
                Tried = [$"the environment (variable {reference.Key})"],
            };
        }

        var tried = new List<string>();
        foreach (var provider in _providers.Where(p => p.IsAvailable))
        {
            tried.Add(provider.Describe(reference));
            var lookup = provider.TryGet(reference);
            if (lookup.Found && lookup.Value is not null)
            {
                return new SecretResolution { Reference = reference, Value = lookup.Value, Tried = tried };
            }

            if (lookup.Error is not null)
            {
                return new SecretResolution { Reference = reference, Tried = tried, Error = $"{provider.Name}: {lookup.Error}" };
            }
        }

        return new SecretResolution { Reference = reference, Tried = tried };
    }

    /// <summary>The SecretUnresolvable error for a failed resolution (names the secret, its reference and the providers tried).</summary>
    public static AgentSpecException Unresolvable(SecretResolution resolution)
    {
        var reference = resolution.Reference;
        var tried = resolution.Tried.Count == 0 ? "no provider is available" : string.Join(", ", resolution.Tried);
        var message = resolution.Error is not null
            ? string.Format(CultureInfo.InvariantCulture, "Secret \"{0}\" ({1}) could not be read: {2}", reference.Name, reference.Text, resolution.Error)
            : string.Format(CultureInfo.InvariantCulture, "Secret \"{0}\" ({1}) was not found by {2}", reference.Name, reference.Text, tried);
        return new AgentSpecException(ErrorIds.SecretUnresolvable, AgentSpecErrorCategory.ObjectNotFound, message, reference.Name)
        {
            RecommendedAction = reference.Source == "env"
                ? $"Set the environment variable {reference.Key} in this session."
                : $"Store the secret in a SecretManagement vault, or set {EnvironmentNames.ForStorePath(reference.Key)}.",
        };
    }
}
