namespace AgentSpec;

/// <summary>The live health of a deployed target (deployment spec §10.3.7).</summary>
public enum DeploymentHealth
{
    Unknown,
    Healthy,
    Degraded,
    Unhealthy,
    Starting,
    NotRunning,
}
