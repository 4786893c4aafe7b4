namespace AgentSpec;

/// <summary>What a plan does to one resource (deployment spec §3.5).</summary>
public enum ChangeAction
{
    NoOp,
    Create,
    Update,
    Replace,
    Delete,
}
