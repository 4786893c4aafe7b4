using AgentSpec.RuntimeModel;

namespace AgentSpec.Runtime.Configuration;

/// <summary>Process-wide settings of runtime spec §1.4, resolved once at startup.</summary>
public sealed class RuntimeSettings
{
    public required string? Host { get; init; }
    public required int Port { get; init; }
    public required IReadOnlyList<string> ApiKeys { get; init; }
    public required bool RequireAuth { get; init; }
    public required long MaxBodyBytes { get; init; }
    public required int MaxConcurrency { get; init; }
    public required TimeSpan SessionTtl { get; init; }
    public required int MaxSessions { get; init; }
    public required TimeSpan ShutdownDelay { get; init; }
    public required TimeSpan ShutdownTimeout { get; init; }
    public required int ProviderRetries { get; init; }
    public required TimeSpan ProviderRetryDelay { get; init; }
    public required int MapConcurrency { get; init; }
    public required IReadOnlyList<string> CorsOrigins { get; init; }
    public required string HealthPath { get; init; }

    /// <summary>Resolves the settings; <paramref name="warnings"/> receives one line per ignored invalid value.</summary>
    public static RuntimeSettings Resolve(RuntimeEnvironment env, RuntimeDocument document, string? hostFlag, int? portFlag,
        bool requireAuthFlag, IReadOnlyList<string> corsOrigins, List<string> warnings)
    {
        var keys = (env.Get("AGENTSPEC_API_KEY") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new RuntimeSettings
        {
            Host = hostFlag,
            Port = portFlag ?? Int(env, "PORT", document.Deploy?.Port ?? 8080, 0, 65535, warnings),
            ApiKeys = keys,
            RequireAuth = requireAuthFlag || string.Equals(env.Get("AGENTSPEC_REQUIRE_AUTH"), "true", StringComparison.OrdinalIgnoreCase),
            MaxBodyBytes = Int(env, "AGENTSPEC_MAX_BODY_BYTES", 10_485_760, 1, int.MaxValue, warnings),
            MaxConcurrency = Int(env, "AGENTSPEC_MAX_CONCURRENCY", 64, 1, 1_000_000, warnings),
            SessionTtl = Duration(env, "AGENTSPEC_SESSION_TTL", TimeSpan.FromMinutes(30), warnings),
            MaxSessions = Int(env, "AGENTSPEC_MAX_SESSIONS", 10_000, 1, int.MaxValue, warnings),
            ShutdownDelay = Duration(env, "AGENTSPEC_SHUTDOWN_DELAY", TimeSpan.Zero, warnings),
            ShutdownTimeout = Duration(env, "AGENTSPEC_SHUTDOWN_TIMEOUT", TimeSpan.FromSeconds(25), warnings),
            ProviderRetries = Int(env, "AGENTSPEC_PROVIDER_RETRIES", 3, 0, 100, warnings),
            ProviderRetryDelay = Duration(env, "AGENTSPEC_PROVIDER_RETRY_DELAY", TimeSpan.FromMilliseconds(500), warnings),
            MapConcurrency = Int(env, "AGENTSPEC_MAP_CONCURRENCY", 4, 1, 1024, warnings),
            CorsOrigins = corsOrigins,
            HealthPath = document.Deploy?.HealthPath is { Length: > 1 } p && p.StartsWith('/') ? p : "/healthz",
        };
    }

    private static int Int(RuntimeEnvironment env, string name, int fallback, int min, int max, List<string> warnings)
    {
        var text = env.Get(name);
        if (text is null) return fallback;
        if (int.TryParse(text, out var value) && value >= min && value <= max) return value;
        warnings.Add($"invalid {name} \"{text}\"; using {fallback}");
        return fallback;
    }

    private static TimeSpan Duration(RuntimeEnvironment env, string name, TimeSpan fallback, List<string> warnings)
    {
        var text = env.Get(name);
        if (text is null) return fallback;
        if (DurationText.TryParse(text, out var value)) return value;
        warnings.Add($"invalid {name} \"{text}\"; using default");
        return fallback;
    }
}
