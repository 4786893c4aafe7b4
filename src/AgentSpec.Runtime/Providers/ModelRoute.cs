namespace AgentSpec.Runtime.Providers;

/// <summary>A model string routed to its provider (spec §3.1): <c>ModelId</c> is what is sent (prefix removed).</summary>
public sealed record ModelRoute(string Original, ProviderKind Provider, string ModelId)
{
    public string ProviderName => Provider switch
    {
        ProviderKind.Anthropic => "anthropic",
        ProviderKind.OpenAI => "openai",
        ProviderKind.OpenAICompatible => "openai-compatible",
        ProviderKind.Ollama => "ollama",
        _ => "mock",
    };
}
