using AgentSpec.Runtime.Configuration;
using AgentSpec.Runtime.Execution;
using AgentSpec.Runtime.Health;
using AgentSpec.Runtime.Http;
using AgentSpec.Runtime.Logging;
using AgentSpec.Runtime.Providers;
using AgentSpec.Runtime.Providers.Mock;
using AgentSpec.Runtime.Security;
using AgentSpec.Runtime.Sessions;

namespace AgentSpec.Runtime.Hosting;

/// <summary>Builds the served state of a runtime document (spec §1.5 steps 2–5); configuration errors throw <see cref="ConfigurationException"/>.</summary>
public static class RuntimeStateBuilder
{
    /// <summary>
    /// Resolves a document into the state requests are served from. On a reload (<paramref name="previous"/> given) the
    /// log, redactor, metrics, sessions, shutdown token, start time and bound address carry over.
    /// </summary>
    public static ApiState Build(RuntimeServerOptions options, RuntimeModel.RuntimeDocument document, ApiState? previous, List<string> warnings)
    {
        var env = options.Environment.WithDefaults(document.Settings);
        var redactor = previous?.Runtime.Redactor ?? new SecretRedactor();
        if (!LogLevelParser.TryParseLevel(env.Get("LOG_LEVEL"), out var level)) warnings.Add($"invalid LOG_LEVEL \"{env.Get("LOG_LEVEL")}\"; using info");
        var json = LogLevelParser.ParseJsonFormat(env.Get("LOG_FORMAT"));
        if (json is null) warnings.Add($"invalid LOG_FORMAT \"{env.Get("LOG_FORMAT")}\"; using text");
        var log = previous?.Runtime.Log ?? new RuntimeLog(options.LogWriter, level, json ?? false, redactor);
        RegisterSecrets(document, env, redactor);
        var host = previous is null ? options.Host : previous.Runtime.Settings.Host;
        var port = previous is null ? options.Port : previous.Runtime.Settings.Port;
        var settings = RuntimeSettings.Resolve(env, document, host, port, options.RequireAuth, options.CorsOrigins, warnings);
        var scripts = MockScriptBook.Empty;
        if (env.Get("AGENTSPEC_MOCK_SCRIPT") is { } script)
        {
            try
            {
                scripts = MockScriptBook.Load(script);
            }
            catch (FormatException ex)
            {
                throw new ConfigurationException(ex.Message);
            }
        }
        var providers = new ProviderRegistry();
        providers.Register(ProviderKind.Mock, () => new MockProvider(scripts));
        ProviderFactories.RegisterSdkProviders(providers, env);
        var metrics = previous?.Runtime.Metrics ?? new Metrics.RuntimeMetrics(RuntimeVersion.Version, document.SpecHash ?? "");
        var runtime = new RuntimeContext
        {
            Document = document,
            Environment = env,
            Settings = settings,
            Log = log,
            Metrics = metrics,
            Redactor = redactor,
            Providers = providers,
            MockScripts = scripts,
            Delay = options.Delay ?? Task.Delay,
            ConfigParams = options.ConfigParams,
            ShutdownCancellation = previous?.Runtime.ShutdownCancellation ?? new CancellationTokenSource(),
            LogContent = string.Equals(env.Get("AGENTSPEC_LOG_CONTENT"), "true", StringComparison.OrdinalIgnoreCase),
        };
        runtime.Budgets = new BudgetTracker(runtime, options.Clock);
        RateLimiter? rateLimiter;
        try
        {
            rateLimiter = RateLimiter.Parse(env.Get("AGENTSPEC_RATE_LIMIT"));
        }
        catch (FormatException ex)
        {
            throw new ConfigurationException(ex.Message);
        }
        var connections = new Dictionary<string, Tools.Mcp.McpConnection>(StringComparer.Ordinal);
        var agents = AgentCatalog.Build(runtime, options.BaseDirectory, warnings, connections);
        GuardrailChecker guardrails;
        try
        {
            guardrails = new GuardrailChecker(runtime);
        }
        catch (FormatException ex)
        {
            throw new ConfigurationException(ex.Message);
        }
        var authenticator = BuildAuthenticator(document, env, settings);
        if (settings.RequireAuth && !authenticator.Enabled)
        {
            throw new ConfigurationException("--require-auth is set but no AGENTSPEC_API_KEY or user key is configured");
        }
        var ordered = document.Agents.Select(a => agents[a.Name]).ToList();
        var sessions = previous?.Sessions
            ?? new SessionStore(settings.SessionTtl, settings.MaxSessions, (agent, n) => metrics.SessionsActive.WithLabels(agent).Set(n));
        return new ApiState
        {
            Runtime = runtime,
            AgentList = ordered,
            Agents = agents,
            Executor = new AgentExecutor(runtime, agents, guardrails),
            Health = new HealthMonitor(env, ordered, connections.Values.ToList()),
            McpServers = connections.Values.ToList(),
            Sessions = sessions,
            Authenticator = authenticator,
            RateLimiter = rateLimiter,
            TrustProxy = string.Equals(env.Get("AGENTSPEC_TRUST_PROXY"), "true", StringComparison.OrdinalIgnoreCase),
            Version = RuntimeVersion.Version,
            StartedAt = previous?.StartedAt ?? DateTimeOffset.UtcNow,
        };
    }

    private static void RegisterSecrets(RuntimeModel.RuntimeDocument document, RuntimeEnvironment env, SecretRedactor redactor)
    {
        foreach (var binding in document.Secrets.Values) redactor.Register(env.Get(binding.Env));
        foreach (var user in document.Users.Values) redactor.Register(env.Get(user.KeyEnv));
        redactor.Register(env.Get("ANTHROPIC_API_KEY"));
        redactor.Register(env.Get("OPENAI_API_KEY"));
        foreach (var key in (env.Get("AGENTSPEC_API_KEY") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            redactor.Register(key);
        }
    }

    private static ApiKeyAuthenticator BuildAuthenticator(RuntimeModel.RuntimeDocument document, RuntimeEnvironment env, RuntimeSettings settings)
    {
        var authenticator = new ApiKeyAuthenticator();
        foreach (var key in settings.ApiKeys) authenticator.Add(key, new ApiPrincipal(ApiKeyAuthenticator.KeyId(key), true, []));
        foreach (var user in document.Users.Values)
        {
            if (env.Get(user.KeyEnv) is { } key)
            {
                authenticator.Add(key, new ApiPrincipal(ApiKeyAuthenticator.KeyId(key), user.Role == "admin", user.Agents));
            }
        }
        return authenticator;
    }
}
