namespace AgentSpec.Runtime.Providers;

/// <summary>Provider instances of one runtime, created lazily on first use (spec §1.7: SDKs load on first use).</summary>
public sealed class ProviderRegistry
{
    private readonly Dictionary<ProviderKind, Lazy<IModelProvider>> _providers = new();

    public void Register(ProviderKind kind, Func<IModelProvider> factory) =>
        _providers[kind] = new Lazy<IModelProvider>(factory, LazyThreadSafetyMode.ExecutionAndPublication);

    public IModelProvider Get(ProviderKind kind) =>
        _providers.TryGetValue(kind, out var lazy) ? lazy.Value : throw new InvalidOperationException($"no provider registered for {kind}");
}
