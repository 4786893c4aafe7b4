namespace AgentSpec;

/// <summary>The operation a plan was made for.</summary>
public enum PlanMode
{
    Apply,
    Destroy,
    Restore,
}
