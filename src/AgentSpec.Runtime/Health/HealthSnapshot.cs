namespace AgentSpec.Runtime.Health;

/// <summary>The cached result of all checks, and which agents are unavailable (with the failing check's detail).</summary>
public sealed record HealthSnapshot(IReadOnlyList<HealthCheck> Checks, IReadOnlyDictionary<string, string> UnavailableAgents)
{
    public string Status => Checks.Any(c => c.Status == "fail") ? "unhealthy" : Checks.Any(c => c.Status == "warn") ? "degraded" : "healthy";
}
