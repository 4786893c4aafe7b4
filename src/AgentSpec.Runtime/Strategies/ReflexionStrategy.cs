using System.Text.Json.Nodes;
using AgentSpec.Runtime.Conversation;
using AgentSpec.Runtime.Execution;
using AgentSpec.Runtime.Providers;

namespace AgentSpec.Runtime.Strategies;

/// <summary><c>reflexion</c> (spec §4.5): draft, then critique and revise while turns and budget allow.</summary>
public sealed class ReflexionStrategy : IAgentStrategy
{
    public static ReflexionStrategy Instance { get; } = new();

    public async Task<LoopResult> RunAsync(AttemptContext attempt)
    {
        var draft = await ReactLoop.RunAsync(attempt, attempt.StartMessages(), attempt.Turns).ConfigureAwait(false);
        var output = draft.Output;
        var stop = draft.StopReason;
        var round = 0;
        while (attempt.Turns.Remaining >= 2 && !attempt.BudgetExhausted)
        {
            round++;
            double? temperature = ModelRouter.IsOSeries(attempt.Models.Current.ModelId) ? null : 0;
            var critique = await attempt.CallModelAsync([ChatMessage.User(PromptTexts.Critique(attempt.Request.Message, output))],
                attempt.Turns, withTools: false, internalCall: true, temperatureOverride: temperature).ConfigureAwait(false);
            var satisfied = CritiqueParser.IsSatisfied(critique.Text);
            attempt.Events?.Emit("reflection", new JsonObject { ["round"] = round, ["critique"] = critique.Text, ["satisfied"] = satisfied });
            if (satisfied) break;
            var messages = attempt.StartMessages();
            messages.Add(ChatMessage.Assistant(output));
            messages.Add(ChatMessage.User(PromptTexts.Revise(critique.Text)));
            var revised = await ReactLoop.RunAsync(attempt, messages, attempt.Turns).ConfigureAwait(false);
            if (revised.Output.Length > 0) output = revised.Output;
            stop = revised.StopReason;
        }
        return new LoopResult(output, stop);
    }
}
