namespace AgentSpec;

/// <summary>The health outcome of a resource's step (deployment spec §6.4).</summary>
public enum HealthState
{
    NotApplicable,
    Healthy,
    Unhealthy,
    NotChecked,
}
