namespace AgentSpec.Runtime.Providers;

/// <summary>Provider families of spec §3.1.</summary>
public enum ProviderKind
{
    Anthropic,
    OpenAI,
    OpenAICompatible,
    Ollama,
    Mock,
}
