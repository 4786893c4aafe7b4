using AgentSpec.Runtime.Conversation;

namespace AgentSpec.Runtime.Tools;

/// <summary>A tool offered to an agent's model. <see cref="ToolName"/> is the skill name reported in responses.</summary>
public interface IAgentTool
{
    string ToolName { get; }

    ModelToolSpec Spec { get; }

    /// <summary>Null when the tool can run, else why not (shown as the failing <c>tool:&lt;skill&gt;</c> health check).</summary>
    string? HealthProblem { get; }

    Task<ToolOutcome> ExecuteAsync(ToolCallContext context, CancellationToken cancellationToken);
}
