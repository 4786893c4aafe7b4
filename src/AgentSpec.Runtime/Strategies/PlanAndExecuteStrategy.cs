using System.Text.Json.Nodes;
using AgentSpec.Runtime.Conversation;
using AgentSpec.Runtime.Execution;
using AgentSpec.Runtime.Logging;

namespace AgentSpec.Runtime.Strategies;

/// <summary><c>plan-and-execute</c> (spec §4.4): plan, run each step with the react loop, one re-plan, synthesis.</summary>
public sealed class PlanAndExecuteStrategy : IAgentStrategy
{
    public static PlanAndExecuteStrategy Instance { get; } = new();

    public async Task<LoopResult> RunAsync(AttemptContext attempt)
    {
        var maxSteps = Math.Max(1, attempt.Agent.Definition.MaxTurns - 2);
        var planSystem = attempt.System + "\n\n" + PromptTexts.Plan(maxSteps);
        var plan = await attempt.CallModelAsync(attempt.StartMessages(), attempt.Turns, withTools: false, internalCall: true, systemOverride: planSystem)
            .ConfigureAwait(false);
        var steps = Limit(PlanParser.Parse(plan.Text), maxSteps, attempt);
        EmitPlan(attempt, steps);
        var messages = attempt.StartMessages();
        messages.Add(ChatMessage.Assistant(plan.Text));
        var lastResult = "";
        var replanned = false;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = await RunStepAsync(attempt, messages, i + 1, steps.Count, steps[i]).ConfigureAwait(false);
            if (step.Output.Length > 0) lastResult = step.Output;
            if (step.StopReason is "max_turns" or "token_budget") return new LoopResult(lastResult, step.StopReason);
            if (!replanned && FirstLine(step.Output).StartsWith("STEP FAILED", StringComparison.OrdinalIgnoreCase))
            {
                replanned = true;
                if (attempt.Turns.Exhausted || attempt.BudgetExhausted) break;
                messages.Add(ChatMessage.User(PromptTexts.Replan(i + 1, step.Output)));
                var replan = await attempt.CallModelAsync(messages, attempt.Turns, withTools: false, internalCall: true).ConfigureAwait(false);
                messages.Add(ChatMessage.Assistant(replan.Text));
                var remaining = Limit(PlanParser.Parse(replan.Text), maxSteps, attempt);
                steps = steps.Take(i + 1).Concat(remaining).ToList();
                EmitPlan(attempt, remaining);
            }
        }
        if (attempt.Turns.Exhausted) return new LoopResult(lastResult, "max_turns");
        if (attempt.BudgetExhausted) return new LoopResult(lastResult, "token_budget");
        messages.Add(ChatMessage.User(PromptTexts.Synth(attempt.Request.Message)));
        var synthesis = await attempt.CallModelAsync(messages, attempt.Turns, withTools: false, internalCall: false).ConfigureAwait(false);
        return new LoopResult(synthesis.Text, synthesis.StopReason == "max_tokens" ? "max_tokens" : "completed");
    }

    private static async Task<LoopResult> RunStepAsync(AttemptContext attempt, List<ChatMessage> messages, int i, int n, string step)
    {
        messages.Add(ChatMessage.User(PromptTexts.Step(i, n, step)));
        return await ReactLoop.RunAsync(attempt, messages, attempt.Turns).ConfigureAwait(false);
    }

    private static List<string> Limit(List<string> steps, int max, AttemptContext attempt)
    {
        if (steps.Count <= max) return steps;
        attempt.Runtime.Log.Warn("plan truncated", new LogField("correlation_id", attempt.Request.CorrelationId),
            new LogField("agent", attempt.Agent.Name), new LogField("steps", steps.Count), new LogField("kept", max));
        return steps.Take(max).ToList();
    }

    private static void EmitPlan(AttemptContext attempt, List<string> steps) =>
        attempt.Events?.Emit("plan", new JsonObject { ["steps"] = new JsonArray(steps.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()) });

    private static string FirstLine(string text) => text.TrimStart().Split('\n')[0];
}
