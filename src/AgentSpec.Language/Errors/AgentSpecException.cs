namespace AgentSpec;

/// <summary>
/// Base of the public AgentSpec exceptions (deployment spec §10.1): an error id of the error catalogue (§10.2), its
/// category, the object it is about and, where a next step exists, the recommended action. Messages never contain
/// secret values.
/// </summary>
public class AgentSpecException : Exception
{
    public AgentSpecException(string errorId, AgentSpecErrorCategory category, string message, object? targetObject = null, string? recommendedAction = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Category = category;
        TargetObject = targetObject;
        RecommendedAction = recommendedAction;
    }

    /// <summary>The error id of the catalogue, e.g. <c>SpecInvalid</c>.</summary>
    public string ErrorId { get; }

    public AgentSpecErrorCategory Category { get; }

    /// <summary>What the error is about (a name, a path, the diagnostics).</summary>
    public object? TargetObject { get; }

    /// <summary>The next step to suggest, when there is one.</summary>
    public string? RecommendedAction { get; init; }
}
