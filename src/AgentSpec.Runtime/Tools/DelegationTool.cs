using System.Text.Json.Nodes;
using AgentSpec.Runtime.Conversation;
using AgentSpec.Runtime.Execution;

namespace AgentSpec.Runtime.Tools;

/// <summary>The <c>delegate_to_&lt;X&gt;</c> tool of a delegate rule (spec §4.8).</summary>
public sealed class DelegationTool : IAgentTool
{
    private readonly string _target;

    public DelegationTool(string target, string when)
    {
        _target = target;
        ToolName = "delegate_to_" + target;
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["message"] = new JsonObject { ["type"] = "string" } },
            ["required"] = new JsonArray("message"),
        };
        Spec = new ModelToolSpec(ToolNameSanitizer.Sanitize(ToolName), Strategies.PromptTexts.Delegate(target, when), schema);
    }

    public string ToolName { get; }

    public ModelToolSpec Spec { get; }

    public string? HealthProblem => null;

    public async Task<ToolOutcome> ExecuteAsync(ToolCallContext context, CancellationToken cancellationToken)
    {
        var attempt = context.Attempt;
        var chain = attempt.Request.Chain.Append(attempt.Agent.Name).ToList();
        if (attempt.Executor.ChainProblem(chain, _target) is { } problem) return ToolOutcome.Failure(problem);
        var message = context.Input.GetProperty("message").GetString() ?? "";
        try
        {
            var nested = await attempt.Executor.InvokeNestedAsync(attempt, _target, message, [], "delegate").ConfigureAwait(false);
            attempt.AddNested(nested, _target, includeTurns: false);
            return ToolOutcome.Success(nested.Output);
        }
        catch (InvocationException ex)
        {
            return ToolOutcome.Failure($"agent {_target} failed: {ex.Code}: {ex.Message}");
        }
    }
}
