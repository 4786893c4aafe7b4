using AgentSpec.Runtime.Configuration;

namespace AgentSpec.Runtime.Providers;

/// <summary>Routes model strings to providers by prefix and name (spec §3.1).</summary>
public static class ModelRouter
{
    public static ModelRoute Route(string model, RuntimeEnvironment env)
    {
        var slash = model.IndexOf('/');
        if (slash > 0)
        {
            var prefix = model[..slash].ToLowerInvariant();
            var rest = model[(slash + 1)..];
            switch (prefix)
            {
                case "anthropic": return new ModelRoute(model, ProviderKind.Anthropic, rest);
                case "openai": return new ModelRoute(model, ProviderKind.OpenAI, rest);
                case "openai-compatible": return new ModelRoute(model, ProviderKind.OpenAICompatible, rest);
                case "ollama": return new ModelRoute(model, ProviderKind.Ollama, rest);
                case "mock": return new ModelRoute(model, ProviderKind.Mock, rest);
            }
        }
        if (model.StartsWith("claude", StringComparison.OrdinalIgnoreCase)) return new ModelRoute(model, ProviderKind.Anthropic, model);
        if (model.StartsWith("gpt-", StringComparison.OrdinalIgnoreCase) || IsOSeries(model)) return new ModelRoute(model, ProviderKind.OpenAI, model);
        if (env.Get("OLLAMA_HOST") is not null) return new ModelRoute(model, ProviderKind.Ollama, model);
        if (env.Get("OPENAI_API_KEY") is not null) return new ModelRoute(model, ProviderKind.OpenAI, model);
        return new ModelRoute(model, ProviderKind.Anthropic, model);
    }

    /// <summary><c>o</c> followed by a digit (o1, o3, o4-mini): models that take no temperature.</summary>
    public static bool IsOSeries(string modelId) => modelId.Length >= 2 && (modelId[0] is 'o' or 'O') && char.IsAsciiDigit(modelId[1]);
}
