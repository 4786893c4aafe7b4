using AgentSpec.Runtime.Configuration;
using AgentSpec.Runtime.Providers.Anthropic;
using AgentSpec.Runtime.Providers.OpenAI;

namespace AgentSpec.Runtime.Providers;

/// <summary>Registers the SDK-backed providers; each is created on first use (spec §1.7).</summary>
public static class ProviderFactories
{
    public static void RegisterSdkProviders(ProviderRegistry registry, RuntimeEnvironment env)
    {
        registry.Register(ProviderKind.Anthropic, () => new AnthropicProvider(env.Get("ANTHROPIC_API_KEY"), env.Get("ANTHROPIC_BASE_URL")));
        registry.Register(ProviderKind.OpenAI, () => new OpenAIProvider("openai", env.Get("OPENAI_API_KEY") ?? "", env.Get("OPENAI_BASE_URL")));
        registry.Register(ProviderKind.OpenAICompatible, () =>
            new OpenAIProvider("openai-compatible", env.Get("OPENAI_API_KEY") ?? "none", env.Get("OPENAI_BASE_URL")));
        registry.Register(ProviderKind.Ollama, () => new OpenAIProvider("ollama", "ollama", OllamaBaseUrl(env.Get("OLLAMA_HOST"))));
    }

    /// <summary><c>OLLAMA_HOST</c> (default <c>http://localhost:11434</c>), <c>http://</c> added without a scheme, plus <c>/v1</c>.</summary>
    public static string OllamaBaseUrl(string? host)
    {
        var value = string.IsNullOrWhiteSpace(host) ? "http://localhost:11434" : host.Trim();
        if (!value.Contains("://", StringComparison.Ordinal)) value = "http://" + value;
        return value.TrimEnd('/') + "/v1";
    }
}
