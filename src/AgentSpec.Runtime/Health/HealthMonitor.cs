using AgentSpec.Runtime.Configuration;
using AgentSpec.Runtime.Execution;
using AgentSpec.Runtime.Providers;

namespace AgentSpec.Runtime.Health;

/// <summary>Computes readiness checks (spec §2.5) at startup and every 30 s; requests only read the cached snapshot.</summary>
public sealed class HealthMonitor
{
    private readonly RuntimeEnvironment _env;
    private readonly IReadOnlyList<ServedAgent> _agents;
    private readonly IReadOnlyList<Tools.Mcp.McpConnection> _servers;
    private volatile HealthSnapshot _snapshot;

    public HealthMonitor(RuntimeEnvironment env, IReadOnlyList<ServedAgent> agents, IReadOnlyList<Tools.Mcp.McpConnection>? servers = null)
    {
        _env = env;
        _agents = agents;
        _servers = servers ?? [];
        _snapshot = Compute();
        if (string.Equals(env.Get("AGENTSPEC_HEALTH_PROBE_PROVIDERS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            _probe = new ProviderProbe(env, agents.SelectMany(a => a.Routes).ToList(), Refresh);
        }
    }

    private readonly ProviderProbe? _probe;

    /// <summary>Stops the provider probe, if any.</summary>
    public void StopProbe() => _probe?.Dispose();

    public HealthSnapshot Snapshot => _snapshot;

    public void Refresh() => _snapshot = Compute();

    private HealthSnapshot Compute()
    {
        var checks = new List<HealthCheck> { new("config", "pass", null) };
        var unavailable = new Dictionary<string, string>(StringComparer.Ordinal);
        var toolChecks = new Dictionary<string, HealthCheck>(StringComparer.Ordinal);
        foreach (var agent in _agents)
        {
            var provider = ProviderCheck(agent);
            checks.Add(provider);
            if (provider.Status == "fail") unavailable[agent.Name] = $"{provider.Name}: {provider.Detail}";
            foreach (var tool in agent.StaticTools)
            {
                if (tool is Tools.DelegationTool) continue;
                var check = toolChecks.TryGetValue(tool.ToolName, out var existing) ? existing
                    : toolChecks[tool.ToolName] = new HealthCheck($"tool:{tool.ToolName}", tool.HealthProblem is null ? "pass" : "fail", tool.HealthProblem);
                if (check.Status == "fail") unavailable.TryAdd(agent.Name, $"{check.Name}: {check.Detail}");
            }
        }
        checks.AddRange(toolChecks.Values);
        foreach (var server in _servers)
        {
            checks.Add(server.Connected ? new HealthCheck($"mcp:{server.Name}", "pass", null)
                : new HealthCheck($"mcp:{server.Name}", server.EverConnected ? "warn" : "fail", server.LastError.Length > 0 ? server.LastError : "connecting"));
        }
        return new HealthSnapshot(checks, unavailable);
    }

    private HealthCheck ProviderCheck(ServedAgent agent)
    {
        var details = new List<string>();
        var credentialed = new List<bool>();
        foreach (var route in agent.Routes)
        {
            var (ok, detail) = Credentials(route);
            credentialed.Add(ok);
            details.Add(detail);
        }
        var status = credentialed.All(c => c) ? "pass" : credentialed.Any(c => c) ? "warn" : "fail";
        if (_probe is not null && status == "pass")
        {
            var unreachable = agent.Routes.Select(_probe.Problem).OfType<string>().ToList();
            if (unreachable.Count > 0)
            {
                status = "warn";
                details.AddRange(unreachable);
            }
        }
        return new HealthCheck($"provider:{agent.Name}", status, string.Join("; ", details));
    }

    private (bool, string) Credentials(ModelRoute route)
    {
        string? variable = route.Provider switch
        {
            ProviderKind.Anthropic => "ANTHROPIC_API_KEY",
            ProviderKind.OpenAI => "OPENAI_API_KEY",
            ProviderKind.OpenAICompatible => "OPENAI_BASE_URL",
            _ => null,
        };
        var prefix = $"{route.ProviderName} {route.ModelId}";
        if (variable is null) return (true, prefix);
        return _env.Get(variable) is null ? (false, $"{prefix}; {variable} not set") : (true, $"{prefix}; {variable} set");
    }
}
