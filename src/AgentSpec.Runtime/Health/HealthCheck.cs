namespace AgentSpec.Runtime.Health;

/// <summary>One readiness check: <c>{name, status: pass|warn|fail, detail?}</c> (spec §2.5).</summary>
public sealed record HealthCheck(string Name, string Status, string? Detail);
