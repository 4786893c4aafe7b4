namespace AgentSpec;

/// <summary>
/// Base of every error the deployment engine raises (deployment spec §10.1): <see cref="ErrorId"/> is the catalogue's
/// ErrorId (§10.2), <see cref="Category"/> the name of the PowerShell ErrorCategory the cmdlets use. Messages never
/// contain secret values.
/// </summary>
public class AgentSpecException : Exception
{
    public AgentSpecException()
        : this("AgentSpecError", "NotSpecified", "AgentSpec operation failed.")
    {
    }

    public AgentSpecException(string message)
        : this("AgentSpecError", "NotSpecified", message)
    {
    }

    public AgentSpecException(string message, Exception innerException)
        : this("AgentSpecError", "NotSpecified", message, null, innerException)
    {
    }

    public AgentSpecException(string errorId, string category, string message, object? targetObject = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Category = category;
        TargetObject = targetObject;
    }

    public string ErrorId { get; }

    /// <summary>The name of a System.Management.Automation.ErrorCategory member.</summary>
    public string Category { get; }

    public object? TargetObject { get; }

    /// <summary>The next step to suggest, when there is one.</summary>
    public string? RecommendedAction { get; init; }
}
