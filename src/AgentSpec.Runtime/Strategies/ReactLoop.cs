using AgentSpec.Runtime.Conversation;
using AgentSpec.Runtime.Execution;

namespace AgentSpec.Runtime.Strategies;

/// <summary>The react loop (spec §4.3), also the inner loop of the other strategies.</summary>
public static class ReactLoop
{
    /// <summary>Runs on <paramref name="messages"/>, appending the assistant and tool-result messages it produces.</summary>
    public static async Task<LoopResult> RunAsync(AttemptContext attempt, List<ChatMessage> messages, TurnLimit limit)
    {
        var lastText = "";
        while (true)
        {
            if (limit.Exhausted) return new LoopResult(lastText, "max_turns");
            if (attempt.BudgetExhausted) return new LoopResult(lastText, "token_budget");
            var response = await attempt.CallModelAsync(messages, limit, withTools: true, internalCall: false).ConfigureAwait(false);
            if (response.Text.Length > 0) lastText = response.Text;
            if (response.ToolCalls.Count == 0)
            {
                messages.Add(ChatMessage.Assistant(response.Text));
                return new LoopResult(lastText, response.StopReason == "max_tokens" ? "max_tokens" : "completed");
            }
            if (limit.Exhausted) return new LoopResult(lastText, "max_turns");
            if (attempt.BudgetExhausted) return new LoopResult(lastText, "token_budget");
            messages.Add(ChatMessage.Assistant(response.Text, response.ToolCalls));
            var results = await ToolCallExecutor.ExecuteAsync(attempt, response.ToolCalls).ConfigureAwait(false);
            messages.Add(ChatMessage.ToolResults(results));
        }
    }
}
