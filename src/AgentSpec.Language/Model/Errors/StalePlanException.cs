namespace AgentSpec;

/// <summary><c>StalePlan</c> or <c>SecretChangedSincePlan</c> (InvalidOperation): the plan no longer matches the state.</summary>
public sealed class StalePlanException : AgentSpecException
{
    public StalePlanException()
        : this("The plan is stale.", Array.Empty<string>(), null)
    {
    }

    public StalePlanException(string message)
        : this(message, Array.Empty<string>(), null)
    {
    }

    public StalePlanException(string message, Exception innerException)
        : base(ErrorIds.StalePlan, AgentSpecErrorCategory.InvalidOperation, message, null, innerException: innerException)
    {
        Reasons = Array.Empty<string>();
    }

    public StalePlanException(string message, IReadOnlyList<string> reasons, Plan? plan, string errorId = ErrorIds.StalePlan)
        : base(errorId, AgentSpecErrorCategory.InvalidOperation, message, plan)
    {
        Reasons = reasons;
    }

    public IReadOnlyList<string> Reasons { get; }
}
