namespace AgentSpec.Runtime.Execution;

/// <summary>A required prompt variable without a value (spec §7.4): 400 <c>invalid_request</c>.</summary>
public sealed class PromptVariableException : Exception
{
    public PromptVariableException(string message) : base(message) { }
}
