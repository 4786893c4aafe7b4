namespace AgentSpec.Runtime.Tools;

/// <summary>What a tool produced: its text, and whether it is an error result for the model.</summary>
public sealed record ToolOutcome(string Output, bool IsError)
{
    public static ToolOutcome Success(string output) => new(output, false);

    public static ToolOutcome Failure(string message) => new(message, true);
}
