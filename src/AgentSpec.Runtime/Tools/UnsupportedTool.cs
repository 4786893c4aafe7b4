using AgentSpec.Runtime.Conversation;

namespace AgentSpec.Runtime.Tools;

/// <summary>A tool of a kind this runtime version cannot run: its health check fails and every call returns an error.</summary>
public sealed class UnsupportedTool : IAgentTool
{
    public UnsupportedTool(string skill, ModelToolSpec spec, string reason)
    {
        ToolName = skill;
        Spec = spec;
        HealthProblem = reason;
    }

    public string ToolName { get; }

    public ModelToolSpec Spec { get; }

    public string? HealthProblem { get; }

    public Task<ToolOutcome> ExecuteAsync(ToolCallContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ToolOutcome.Failure(HealthProblem ?? "unsupported tool"));
}
