using AgentSpec.Runtime.Configuration;
using AgentSpec.Runtime.Security;

namespace AgentSpec.Runtime.Providers;

/// <summary>Registers the SDK-backed providers (created on first use).</summary>
public static class ProviderFactories
{
    public static void RegisterSdkProviders(ProviderRegistry registry, RuntimeEnvironment env, SecretRedactor redactor)
    {
        _ = registry;
        _ = env;
        _ = redactor;
    }
}
